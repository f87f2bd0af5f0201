package io.cairn.profiles.identity;

import java.util.Arrays;

/**
 * Union-find over dense int ids with path halving and union by size; it also tracks the smallest id (the
 * oldest element) of every set, which names the set stably. Grows as ids are added. Not thread-safe.
 */
final class DisjointSet {
  private int[] parent = new int[16];
  private int[] size = new int[16];
  private int[] oldest = new int[16];
  private int count;

  /** Adds a new singleton and returns its id (ids are handed out 0, 1, 2, ...). */
  int add() {
    if (count == parent.length) {
      int n = parent.length * 2;
      parent = Arrays.copyOf(parent, n);
      size = Arrays.copyOf(size, n);
      oldest = Arrays.copyOf(oldest, n);
    }
    parent[count] = count;
    size[count] = 1;
    oldest[count] = count;
    return count++;
  }

  int size() {
    return count;
  }

  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of {@code a} and {@code b}; returns false when they already were one. */
  boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return false;
    }
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
    oldest[ra] = Math.min(oldest[ra], oldest[rb]);
    return true;
  }

  /** The smallest id in the set of {@code x}. */
  int oldest(int x) {
    return oldest[find(x)];
  }
}
