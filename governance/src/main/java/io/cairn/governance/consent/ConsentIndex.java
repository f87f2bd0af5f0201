package io.cairn.governance.consent;

import io.cairn.spi.Purpose;
import java.util.Arrays;

/**
 * The in-memory {@link ConsentGate}: identifier keys ({@link Identifiers#key}) to subject ids in an
 * open-addressing {@code long -> int} table, and per subject three {@code int} bit sets over the purposes
 * (two bits of state per purpose: none, granted, denied, withdrawn; and one bit of suppression, bit 31 meaning
 * erased). About 12 bytes per identifier slot and 12 per subject: 10 million subjects take ~330 MB. A check
 * is a hash of the identifier, one probe sequence and three array reads: no allocation, no lock, no I/O.
 *
 * <p>Threading: one writer at a time (the methods that change it are synchronised); any number of readers.
 * A reader sees a change at the latest when it reads the volatile {@link #tables} after the writer published.
 * Subject ids are the catalog's (dense, from 1): 0 in a slot means "not (yet) there".
 */
public final class ConsentIndex implements ConsentGate {
  /** At most this many purposes (bit 31 of the suppression set marks an erased subject). */
  public static final int MAX_PURPOSES = 31;
  static final int ERASED_BIT = 1 << 31;

  /** The answer to a check, as states: see {@link #check}. */
  private static final int NONE = 0;
  private static final int GRANTED = 1;
  private static final int DENIED = 2;
  private static final int WITHDRAWN = 3;

  private volatile Tables tables = new Tables(new long[1 << 10], new int[1 << 10], 0, new int[1024], new int[1024],
      new int[1024]);
  private volatile Purposes purposes = Purposes.of(java.util.List.of());

  /** The arrays, replaced whole when they grow; their cells are changed in place by the writer. */
  private record Tables(long[] keys, int[] subjects, int size, int[] stateA, int[] stateB, int[] suppressed) {}

  /** Purpose names to bits, with their defaults; replaced whole. */
  public record Purposes(java.util.Map<String, Integer> bits, int consentBased, int unknownAllowed) {
    public static Purposes of(java.util.List<io.cairn.catalog.consent.PurposeEntry> entries) {
      if (entries.size() > MAX_PURPOSES) {
        throw new IllegalArgumentException("at most " + MAX_PURPOSES + " purposes are supported, not "
            + entries.size());
      }
      java.util.Map<String, Integer> bits = new java.util.HashMap<>();
      int consent = 0;
      int unknown = 0;
      for (int i = 0; i < entries.size(); i++) {
        var p = entries.get(i);
        bits.put(p.name(), i);
        if (LawfulBasis.CONSENT.term().equals(p.defaultBasis())) {
          consent |= 1 << i;
        }
        if ("allow".equals(p.unknownSubject())) {
          unknown |= 1 << i;
        }
      }
      return new Purposes(java.util.Map.copyOf(bits), consent, unknown);
    }
  }

  @Override
  public Verdict check(String identifier, Purpose purpose) {
    Tables t = tables;
    Purposes ps = purposes;
    Integer bit = ps.bits().get(purpose.name());
    int subject = find(t, Identifiers.key(identifier));
    if (subject <= 0 || subject >= t.stateA().length) {
      return bit != null && (ps.unknownAllowed() & (1 << bit)) != 0 ? Verdict.ALLOW : Verdict.UNKNOWN_SUBJECT;
    }
    int suppressed = t.suppressed()[subject];
    if ((suppressed & ERASED_BIT) != 0) {
      return Verdict.ERASED;
    }
    if (bit == null) {
      return Verdict.NO_BASIS;
    }
    int mask = 1 << bit;
    int state = ((t.stateA()[subject] & mask) != 0 ? 1 : 0) | ((t.stateB()[subject] & mask) != 0 ? 2 : 0);
    if (state == WITHDRAWN) {
      return Verdict.WITHDRAWN;
    }
    if ((suppressed & mask) != 0) {
      return Verdict.SUPPRESSED;
    }
    if (state == GRANTED) {
      return Verdict.ALLOW;
    }
    if (state == DENIED) {
      return (ps.consentBased() & mask) != 0 ? Verdict.NO_BASIS : Verdict.WITHDRAWN;
    }
    return (ps.consentBased() & mask) != 0 ? Verdict.NO_BASIS : Verdict.ALLOW;
  }

  /** Whether an identifier belongs to an erased subject (whatever the purposes). */
  public boolean erased(String identifier) {
    Tables t = tables;
    int subject = find(t, Identifiers.key(identifier));
    return subject > 0 && subject < t.suppressed().length && (t.suppressed()[subject] & ERASED_BIT) != 0;
  }

  private static int find(Tables t, long key) {
    long[] keys = t.keys();
    int m = keys.length - 1;
    for (int i = (int) (key ^ (key >>> 32)) & m; ; i = (i + 1) & m) {
      long k = keys[i];
      if (k == key) {
        return t.subjects()[i];
      }
      if (k == 0) {
        return 0;
      }
    }
  }

  /** The state of a subject for a purpose as indexed, or null when none is recorded (or it is not indexed). */
  ConsentStatus status(long subject, String purpose) {
    Tables t = tables;
    int bit = bit(purpose);
    if (bit < 0 || subject <= 0 || subject >= t.stateA().length) {
      return null;
    }
    int mask = 1 << bit;
    int state = ((t.stateA()[(int) subject] & mask) != 0 ? 1 : 0) | ((t.stateB()[(int) subject] & mask) != 0 ? 2 : 0);
    return switch (state) {
      case GRANTED -> ConsentStatus.GRANTED;
      case DENIED -> ConsentStatus.DENIED;
      case WITHDRAWN -> ConsentStatus.WITHDRAWN;
      default -> null;
    };
  }

  /** How many identifiers are indexed. */
  public int identifiers() {
    return tables.size();
  }

  /** Replaces the purposes (their order gives their bits: only append to keep them stable). */
  public synchronized void purposes(java.util.List<io.cairn.catalog.consent.PurposeEntry> entries) {
    purposes = Purposes.of(entries);
  }

  /** The bit of a purpose, or -1 when it is not configured. */
  int bit(String purpose) {
    Integer b = purposes.bits().get(purpose);
    return b == null ? -1 : b;
  }

  /** Maps an identifier (its {@link Identifiers#key}) to a subject. */
  public synchronized void identifier(long key, int subject) {
    Tables t = grownFor(tables.size() + 1, subject);
    long[] keys = t.keys();
    int m = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & m;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & m;
    }
    boolean added = keys[i] == 0;
    t.subjects()[i] = subject;
    keys[i] = key;
    tables = added ? new Tables(keys, t.subjects(), t.size() + 1, t.stateA(), t.stateB(), t.suppressed()) : t;
  }

  /** Sets the state of a subject for a purpose: {@code granted}, {@code denied} or {@code withdrawn}. */
  public synchronized void state(int subject, String purpose, ConsentStatus status) {
    int bit = bit(purpose);
    if (bit < 0) {
      return;
    }
    Tables t = grownFor(tables.size(), subject);
    int mask = 1 << bit;
    int s = switch (status) {
      case GRANTED -> GRANTED;
      case DENIED -> DENIED;
      case WITHDRAWN -> WITHDRAWN;
    };
    t.stateA()[subject] = (s & 1) != 0 ? t.stateA()[subject] | mask : t.stateA()[subject] & ~mask;
    t.stateB()[subject] = (s & 2) != 0 ? t.stateB()[subject] | mask : t.stateB()[subject] & ~mask;
    tables = t;
  }

  /** Suppresses a subject for a purpose (null: every purpose), or marks it erased. */
  public synchronized void suppress(int subject, String purpose, boolean erased) {
    Tables t = grownFor(tables.size(), subject);
    int bits = erased ? ERASED_BIT | ~ERASED_BIT : purpose == null ? ~ERASED_BIT : bit(purpose) < 0 ? 0
        : 1 << bit(purpose);
    t.suppressed()[subject] |= bits;
    tables = t;
  }

  /** The tables with room for {@code identifiers} keys at most 60% full and for subject id {@code subject}. */
  private Tables grownFor(int identifiers, int subject) {
    Tables t = tables;
    long[] keys = t.keys();
    int[] subjects = t.subjects();
    if (identifiers > keys.length * 0.6) {
      int capacity = keys.length * 2;
      while (identifiers > capacity * 0.6) {
        capacity *= 2;
      }
      long[] nk = new long[capacity];
      int[] ns = new int[capacity];
      int m = capacity - 1;
      for (int j = 0; j < keys.length; j++) {
        if (keys[j] != 0) {
          int i = (int) (keys[j] ^ (keys[j] >>> 32)) & m;
          while (nk[i] != 0) {
            i = (i + 1) & m;
          }
          nk[i] = keys[j];
          ns[i] = subjects[j];
        }
      }
      keys = nk;
      subjects = ns;
    }
    int[] a = t.stateA();
    int[] b = t.stateB();
    int[] s = t.suppressed();
    if (subject >= a.length) {
      int n = Math.max(subject + 1, a.length + (a.length >> 1));
      a = Arrays.copyOf(a, n);
      b = Arrays.copyOf(b, n);
      s = Arrays.copyOf(s, n);
    }
    return keys == t.keys() && a == t.stateA() ? t : new Tables(keys, subjects, t.size(), a, b, s);
  }
}
