package io.cairn.connector.datagen;

import io.cairn.connector.datagen.Rng.Stream;
import java.time.Instant;

/**
 * Consent records: for each customer one row per purpose ({@link Entity#PURPOSES}), recorded at sign-up.
 * Rows beyond {@code customers × purposes} are later rounds of updates in which a fifth of the decisions
 * flip. Grant rates follow what retailers see: about 70% grant analytics, 35% email marketing, 12% the
 * sale or sharing of their data; a per-customer privacy attitude makes one person's decisions agree with
 * each other. Denials of advertising and sale/share partly come from Global Privacy Control signals.
 * Columns as in {@link Entity#CONSENTS}.
 */
record ConsentGenerator(Population population, double dirtyRate) implements RowGenerator {
  /** Base grant rates, in {@link Entity#PURPOSES} order. */
  static final double[] GRANT_RATE = {0.70, 0.55, 0.25, 0.35, 0.30, 0.12};
  private static final double FLIP_RATE = 0.2;
  private static final String[] SOURCES = {"form", "api", "tcf", "import"};
  private static final double[] SOURCE_SHARE = {55, 20, 15, 10};
  private static final String[] ODD_STATUSES = {"yes", "GRANTED ", "0", "opt-in"};

  @Override
  public Object[] values(long i) {
    long seed = population.seed();
    int purposes = Entity.PURPOSES.length;
    long perRound = population.customers() * purposes;
    long round = i / perRound;
    long c = (i % perRound) / purposes;
    int purpose = (int) (i % purposes);
    boolean granted = granted(seed, c, purpose, i % perRound);
    for (long k = 1; k <= round; k++) {
      if (Rng.of(seed, Stream.CONSENT, (i % perRound) + k * perRound).chance(FLIP_RATE)) {
        granted = !granted;
      }
    }
    Rng r = Rng.of(seed, Stream.CONSENT, i);
    r.nextDouble(); // the first draw of each row's stream is its decision: the grant or the flip above
    Instant signup = population.signupTs(c);
    long span = Population.REFERENCE.getEpochSecond() - signup.getEpochSecond();
    long at =
        round == 0
            ? r.nextLong(Math.min(span, 3600))
            : (long) (span * (1 - Math.pow(0.5, round) + r.nextDouble() * Math.pow(0.5, round + 1)));
    boolean gpc = !granted && purpose >= 4 && r.chance(0.3);
    String basis =
        purpose <= 1 && r.chance(0.2)
            ? "legitimate_interest"
            : purpose == 3 && granted && r.chance(0.1) ? "legitimate_interest" : "consent";
    Object[] v = new Object[6];
    v[0] = Population.customerId(c);
    v[1] = Entity.PURPOSES[purpose];
    v[2] = granted ? "granted" : "denied";
    v[3] = basis;
    v[4] = gpc ? "gpc" : SOURCES[r.weighted(SOURCE_SHARE)];
    v[5] = signup.plusSeconds(at);
    Rng dirt = Rng.of(seed, Stream.CONSENT_DIRT, i);
    if (dirt.chance(dirtyRate)) {
      switch (dirt.nextInt(3)) {
        case 0 -> v[2] = dirt.chance(0.5) ? Dirt.blank(dirt) : dirt.pick(ODD_STATUSES);
        case 1 -> v[3] = Dirt.blank(dirt);
        default -> v[4] = Dirt.blank(dirt);
      }
    }
    return v;
  }

  @Override
  public String subjectId(Object[] values) {
    return (String) values[0];
  }

  /** The first decision of customer {@code c} for a purpose, shaped by the customer's privacy attitude. */
  private static boolean granted(long seed, long c, int purpose, long firstIndex) {
    // attitude in [-1, 1): privacy-minded people deny more of everything, the easy-going grant more
    double attitude = 2 * Rng.of(seed, Stream.PRIVACY, c).nextDouble() - 1;
    double base = GRANT_RATE[purpose];
    double p = base + attitude * Math.min(base, 1 - base) * 0.8;
    return Rng.of(seed, Stream.CONSENT, firstIndex).chance(p);
  }
}
