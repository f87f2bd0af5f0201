package io.cairn.profiles.identity;

/**
 * A map from strings to non-negative ints in flat arrays (open addressing, linear probing, each slot's hash
 * kept beside it so that a probe rarely has to read a key), for the
 * identity graph's indexes of millions of keys: no entry object and no boxed int per key, which keeps a graph
 * of 10 million identifiers within a few hundred megabytes and its lookups in cache-friendly arrays. Keys
 * cannot be removed. Not thread-safe.
 */
final class KeyIndex {
  /** What {@link #get} and {@link #putIfAbsent} return for a key that was absent. */
  static final int ABSENT = -1;

  private String[] keys = new String[16];
  private int[] values = new int[16];
  private int[] hashes = new int[16];
  private int size;

  /** The value of {@code key}, or {@link #ABSENT}. */
  int get(String key) {
    int mask = keys.length - 1;
    int h = hash(key);
    for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return values[i];
      }
    }
    return ABSENT;
  }

  /** Puts {@code key} with {@code value} unless present; returns the value it had, or {@link #ABSENT}. */
  int putIfAbsent(String key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("key index values are non-negative, not " + value);
    }
    int mask = keys.length - 1;
    int h = hash(key);
    int i = h & mask;
    for (; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && keys[i].equals(key)) {
        return values[i];
      }
    }
    keys[i] = key;
    values[i] = value;
    hashes[i] = h;
    if (++size > keys.length / 2) {
      grow();
    }
    return ABSENT;
  }

  /** Sets the value of a key that is present or adds it. */
  void put(String key, int value) {
    if (putIfAbsent(key, value) != ABSENT) {
      int mask = keys.length - 1;
      int h = hash(key);
      int i = h & mask;
      while (hashes[i] != h || !keys[i].equals(key)) {
        i = (i + 1) & mask;
      }
      values[i] = value;
    }
  }

  int size() {
    return size;
  }

  private static int hash(String key) {
    int h = key.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    int[] oldHashes = hashes;
    keys = new String[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        hashes[i] = oldHashes[j];
      }
    }
  }
}
