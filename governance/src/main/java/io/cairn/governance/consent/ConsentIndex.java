package io.cairn.governance.consent;

import io.cairn.spi.Purpose;
import java.util.Arrays;

/**
 * The in-memory {@link ConsentGate}: identifier keys ({@link Identifiers#key}) to subject ids in an
 * open-addressing {@code long -> subject} table, and per subject three {@code int} bit sets over the purposes
 * (two bits of state per purpose: none, granted, denied, withdrawn; and one bit of suppression, bit 31 meaning
 * erased). 16 bytes per identifier slot (at most 60% full) and 16 per subject: 10 million subjects with one
 * identifier each take ~430 MB. A check is a hash of the identifier, a probe (one cache line) and one more cache
 * line for the subject: no allocation, no lock, no I/O.
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

  /** Ints per subject in {@code states}: state A, state B, suppression, padding (16 bytes, aligned). */
  private static final int STRIDE = 4;

  private volatile Tables tables = new Tables(new long[2 << 10], 0, new int[STRIDE * 1024]);
  private volatile Purposes purposes = Purposes.of(java.util.List.of());

  /**
   * The arrays, replaced whole when they grow; their cells are changed in place by the writer.
   *
   * @param slots open addressing, linear probing: {@code [key, subject]} pairs, so one probe is one cache line
   * @param states {@link #STRIDE} ints per subject id, so a subject's sets share a cache line
   */
  private record Tables(long[] slots, int size, int[] states) {}

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
    return verdict(t, ps, ps.bits().get(purpose.name()), find(t, Identifiers.key(identifier)));
  }

  private static Verdict verdict(Tables t, Purposes ps, Integer bit, int subject) {
    int at = subject * STRIDE;
    int[] states = t.states();
    if (subject <= 0 || at >= states.length) {
      return bit != null && (ps.unknownAllowed() & (1 << bit)) != 0 ? Verdict.ALLOW : Verdict.UNKNOWN_SUBJECT;
    }
    int suppressed = states[at + 2];
    if ((suppressed & ERASED_BIT) != 0) {
      return Verdict.ERASED;
    }
    if (bit == null) {
      return Verdict.NO_BASIS;
    }
    int mask = 1 << bit;
    int state = ((states[at] & mask) != 0 ? 1 : 0) | ((states[at + 1] & mask) != 0 ? 2 : 0);
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

  /**
   * Checks many identifiers for one purpose: {@code out[i]} is {@code check(identifiers[i], purpose)}. Faster per
   * row than single checks on large indexes: it hashes all, then probes all, then reads all states, so the
   * processor overlaps the memory accesses of different rows instead of waiting for each in turn.
   *
   * @param identifiers the rows' identifiers; a null one gets a null verdict
   */
  public void checkAll(String[] identifiers, Purpose purpose, Verdict[] out) {
    Tables t = tables;
    Purposes ps = purposes;
    Integer bit = ps.bits().get(purpose.name());
    int n = identifiers.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = identifiers[i] == null ? 0 : Identifiers.key(identifiers[i]);
    }
    int[] subjects = new int[n];
    for (int i = 0; i < n; i++) {
      subjects[i] = keys[i] == 0 ? 0 : find(t, keys[i]);
    }
    for (int i = 0; i < n; i++) {
      out[i] = identifiers[i] == null ? null : verdict(t, ps, bit, subjects[i]);
    }
  }

  /** Whether an identifier belongs to an erased subject (whatever the purposes). */
  public boolean erased(String identifier) {
    Tables t = tables;
    int subject = find(t, Identifiers.key(identifier));
    int at = subject * STRIDE;
    return subject > 0 && at < t.states().length && (t.states()[at + 2] & ERASED_BIT) != 0;
  }

  private static int find(Tables t, long key) {
    long[] slots = t.slots();
    int m = (slots.length >> 1) - 1;
    for (int i = (int) (key ^ (key >>> 32)) & m; ; i = (i + 1) & m) {
      long k = slots[i << 1];
      if (k == key) {
        return (int) slots[(i << 1) + 1];
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
    if (bit < 0 || subject <= 0 || subject * STRIDE >= t.states().length) {
      return null;
    }
    int mask = 1 << bit;
    int at = (int) subject * STRIDE;
    int state = ((t.states()[at] & mask) != 0 ? 1 : 0) | ((t.states()[at + 1] & mask) != 0 ? 2 : 0);
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
    long[] slots = t.slots();
    int m = (slots.length >> 1) - 1;
    int i = (int) (key ^ (key >>> 32)) & m;
    while (slots[i << 1] != 0 && slots[i << 1] != key) {
      i = (i + 1) & m;
    }
    boolean added = slots[i << 1] == 0;
    slots[(i << 1) + 1] = subject;
    slots[i << 1] = key;
    tables = added ? new Tables(slots, t.size() + 1, t.states()) : t;
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
    int[] states = t.states();
    int at = subject * STRIDE;
    states[at] = (s & 1) != 0 ? states[at] | mask : states[at] & ~mask;
    states[at + 1] = (s & 2) != 0 ? states[at + 1] | mask : states[at + 1] & ~mask;
    tables = t;
  }

  /** Suppresses a subject for a purpose (null: every purpose), or marks it erased. */
  public synchronized void suppress(int subject, String purpose, boolean erased) {
    Tables t = grownFor(tables.size(), subject);
    int bits = erased ? -1 : purpose == null ? ~ERASED_BIT : bit(purpose) < 0 ? 0 : 1 << bit(purpose);
    t.states()[subject * STRIDE + 2] |= bits;
    tables = t;
  }

  /** The tables with room for {@code identifiers} keys at most 60% full and for subject id {@code subject}. */
  private Tables grownFor(int identifiers, int subject) {
    Tables t = tables;
    long[] slots = t.slots();
    int capacity = slots.length >> 1;
    if (identifiers > capacity * 0.6) {
      while (identifiers > capacity * 0.6) {
        capacity *= 2;
      }
      long[] next = new long[capacity * 2];
      int m = capacity - 1;
      for (int j = 0; j < slots.length; j += 2) {
        if (slots[j] != 0) {
          int i = (int) (slots[j] ^ (slots[j] >>> 32)) & m;
          while (next[i << 1] != 0) {
            i = (i + 1) & m;
          }
          next[i << 1] = slots[j];
          next[(i << 1) + 1] = slots[j + 1];
        }
      }
      slots = next;
    }
    int[] states = t.states();
    if ((long) subject * STRIDE >= states.length) {
      long n = Math.max((long) subject + 1, states.length / STRIDE + (states.length / STRIDE >> 1)) * STRIDE;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("subject id " + subject + " is beyond the index's capacity");
      }
      states = Arrays.copyOf(states, (int) n);
    }
    return slots == t.slots() && states == t.states() ? t : new Tables(slots, t.size(), states);
  }
}
