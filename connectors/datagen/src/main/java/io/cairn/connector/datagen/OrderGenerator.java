package io.cairn.connector.datagen;

import io.cairn.connector.datagen.Rng.Stream;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Orders of existing customers, placed after the customer signed up. Busy customers order more often. A
 * {@code dirtyRate} share carry one dirty value: a negative amount, a blank or odd currency, an unknown
 * status or no items. Columns as in {@link Entity#ORDERS}.
 */
record OrderGenerator(Pools pools, Population population, double dirtyRate) implements RowGenerator {
  private static final String[] STATUSES = {"completed", "shipped", "pending", "cancelled", "refunded"};
  private static final double[] STATUS_SHARE = {70, 12, 8, 6, 4};
  private static final String[] CHANNELS = {"web", "app", "store"};
  private static final double[] CHANNEL_SHARE = {55, 30, 15};
  /** Categories with their unit price range in cents. */
  private static final String[] CATEGORIES = {
    "Apparel", "Electronics", "Home & Garden", "Beauty", "Sports", "Toys", "Grocery", "Books", "Shoes"
  };
  private static final int[][] PRICE_CENTS = {
    {999, 12_999}, {1_999, 149_999}, {499, 39_999}, {399, 8_999}, {999, 29_999}, {499, 9_999},
    {99, 2_999}, {499, 4_999}, {2_999, 24_999}
  };
  private static final double[] CATEGORY_SHARE = {20, 10, 12, 10, 8, 7, 18, 9, 6};
  private static final String[] OTHER_CURRENCIES = {"EUR", "GBP", "USD", "CAD", "CHF"};
  private static final String[] ODD_STATUSES = {"COMPLETE", "done", "unknown", "?"};
  private static final String[] ODD_CURRENCIES = {"usd", "US$", "€", "U.S.D", "dollars"};

  @Override
  public Object[] values(long i) {
    long seed = population.seed();
    Rng r = Rng.of(seed, Stream.ORDER, i);
    long c = population.pickCustomer(r);
    Instant signup = population.signupTs(c);
    long span = Population.REFERENCE.getEpochSecond() - signup.getEpochSecond();
    int category = r.weighted(CATEGORY_SHARE);
    long items = r.chance(0.55) ? 1 : 2 + r.nextInt(r.chance(0.8) ? 3 : 9);
    int[] price = PRICE_CENTS[category];
    long cents = 0;
    for (long k = 0; k < items; k++) {
      cents += r.between(price[0], price[1]);
    }
    Object[] v = new Object[9];
    v[0] = Ids.padded('O', i, 8);
    v[1] = Population.customerId(c);
    v[2] = signup.plusSeconds(r.nextLong(span));
    v[3] = BigDecimal.valueOf(cents, 2);
    v[4] = r.chance(0.97) ? pools.currency : r.pick(OTHER_CURRENCIES);
    v[5] = STATUSES[r.weighted(STATUS_SHARE)];
    v[6] = CHANNELS[r.weighted(CHANNEL_SHARE)];
    v[7] = CATEGORIES[category];
    v[8] = items;
    Rng dirt = Rng.of(seed, Stream.ORDER_DIRT, i);
    if (dirt.chance(dirtyRate)) {
      switch (dirt.nextInt(4)) {
        case 0 -> v[3] = BigDecimal.valueOf(-cents, 2);
        case 1 -> v[4] = dirt.chance(0.5) ? Dirt.blank(dirt) : dirt.pick(ODD_CURRENCIES);
        case 2 -> v[5] = dirt.chance(0.5) ? Dirt.blank(dirt) : dirt.pick(ODD_STATUSES);
        default -> v[8] = dirt.chance(0.5) ? 0L : -items;
      }
    }
    return v;
  }

  @Override
  public String subjectId(Object[] values) {
    return (String) values[1];
  }
}
