package io.cairn.connector.datagen;

import io.cairn.connector.datagen.Rng.Stream;

/**
 * Customers: one person per row, a {@code duplicateRate} share of them near-duplicates of an earlier
 * customer, a {@code dirtyRate} share with one dirty value. Columns as in {@link Entity#CUSTOMERS}.
 */
record CustomerGenerator(Pools pools, Population population, double dirtyRate) implements RowGenerator {
  private static final String[] TIERS = {"none", "bronze", "silver", "gold", "platinum"};
  private static final double[] TIER_SHARE = {45, 25, 17, 10, 3};
  private static final int CRM_SPACE = 90_000_000;

  @Override
  public Object[] values(long i) {
    long seed = population.seed();
    long root = population.duplicateOf(i);
    Person p = Person.create(pools, Rng.of(seed, Stream.PERSON, root >= 0 ? root : i));
    if (root >= 0) {
      p = NearDuplicates.edit(p, Rng.of(seed, Stream.DUPLICATE_EDIT, i));
    }
    Rng r = Rng.of(seed, Stream.CUSTOMER, i);
    Object[] v = new Object[14];
    v[0] = Population.customerId(i);
    v[1] = p.firstName();
    v[2] = p.lastName();
    v[3] = p.email();
    v[4] = Phones.format(p.phoneDigits(), pools.callingCode, p.phoneFormat());
    v[5] = p.street();
    v[6] = p.city();
    v[7] = p.postcode();
    v[8] = pools.country;
    v[9] = p.birthDate().toString();
    v[10] = population.signupTs(i);
    v[11] = TIERS[r.weighted(TIER_SHARE)];
    v[12] = population.deviceId(i);
    // duplicates usually came in through another channel, which has no CRM record or another one
    v[13] = r.chance(root >= 0 ? 0.4 : 0.85) ? crmId(seed, i) : null;
    Rng dirt = Rng.of(seed, Stream.CUSTOMER_DIRT, i);
    if (dirt.chance(dirtyRate)) {
      soil(v, p, dirt);
    }
    return v;
  }

  /** A CRM number, unique per customer (a fixed permutation of the customer numbers). */
  private static String crmId(long seed, long i) {
    return "CRM-" + (10_000_000 + Math.floorMod(i * 48_271L + seed, CRM_SPACE));
  }

  private static void soil(Object[] v, Person p, Rng r) {
    switch (r.nextInt(5)) {
      case 0 -> v[3] = Dirt.malformedEmail((String) v[3], r);
      case 1 -> v[4] = Dirt.phoneWithLetters((String) v[4], r);
      case 2 -> v[9] = Dirt.futureDate(p.birthDate(), r);
      case 3 -> v[9] = Dirt.badDateText(p.birthDate(), r);
      default -> v[1 + r.nextInt(3)] = Dirt.blank(r); // first_name, last_name or email
    }
  }

  @Override
  public String subjectId(Object[] values) {
    return (String) values[0];
  }
}
