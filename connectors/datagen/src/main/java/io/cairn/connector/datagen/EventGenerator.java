package io.cairn.connector.datagen;

import io.cairn.connector.datagen.Rng.Stream;
import java.time.Instant;

/**
 * Web and app events in the shape of Segment's spec ({@code page}, {@code track}, {@code identify}), grouped
 * in sessions of {@value #SESSION} consecutive events that walk a shopping funnel and drop out of it at
 * realistic rates. About 70% of sessions are signed in (customer id set); the rest are anonymous, half of
 * them from a known customer's browser before sign-in (the same anonymous id and device as their signed-in
 * sessions, for identity stitching) and half from visitors who are not customers. Sessions spread evenly
 * over the 90 days before the reference date, so timestamps grow with the index. Columns as in {@link
 * Entity#EVENTS}.
 */
final class EventGenerator implements RowGenerator {
  static final int SESSION = 8;
  private static final long WINDOW_SECONDS = 90L * 24 * 3600;
  private static final String SITE = "https://shop.example.com";
  /** How deep a session goes: 0 browse, 1 add to cart, 2 start checkout, 3 order. */
  private static final double[] DEPTH_SHARE = {55, 20, 10, 15};
  private static final String[] BAD_IPS = {"999.12.0.1", "10.0.0", "localhost", "::g"};

  private final Pools pools;
  private final Population population;
  private final double dirtyRate;
  private final long sessionSpacing;

  EventGenerator(Pools pools, Population population, double dirtyRate, long count) {
    this.pools = pools;
    this.population = population;
    this.dirtyRate = dirtyRate;
    long sessions = Math.max(1, (count + SESSION - 1) / SESSION);
    this.sessionSpacing = Math.max(1, WINDOW_SECONDS / sessions);
  }

  @Override
  public Object[] values(long i) {
    long seed = population.seed();
    long session = i / SESSION;
    int step = (int) (i % SESSION);
    Rng s = Rng.of(seed, Stream.SESSION, session);
    double who = s.nextDouble();
    boolean signedIn = who < 0.70;
    boolean knownBrowser = who < 0.85;
    String customerId = null;
    String anonymousId;
    String deviceId;
    if (knownBrowser) {
      long c = population.pickCustomer(s);
      anonymousId = population.anonymousId(c);
      deviceId = population.deviceId(c);
      customerId = signedIn ? Population.customerId(c) : null;
    } else {
      long visitor = s.nextLong(population.visitors());
      anonymousId = population.visitorId(visitor);
      deviceId = population.visitorDevice(visitor);
    }
    int depth = s.weighted(DEPTH_SHARE);
    String product = s.pick(pools.products);
    String agent = s.pick(pools.userAgents);
    String ip = s.between(1, 223) + "." + s.nextInt(256) + "." + s.nextInt(256) + "." + s.between(1, 254);
    long start = Population.REFERENCE.getEpochSecond() - WINDOW_SECONDS + session * sessionSpacing;
    start += s.nextLong(sessionSpacing);

    Rng r = Rng.of(seed, Stream.EVENT, i);
    String[] event = event(step, depth, signedIn, product, r);
    Object[] v = new Object[10];
    v[0] = r.uuid();
    v[1] = anonymousId;
    v[2] = customerId;
    v[3] = event[0];
    v[4] = event[1];
    v[5] = Instant.ofEpochSecond(start + step * 45L + r.nextInt(45));
    v[6] = SITE + event[2];
    v[7] = agent;
    v[8] = ip;
    v[9] = deviceId;
    Rng dirt = Rng.of(seed, Stream.EVENT_DIRT, i);
    if (dirt.chance(dirtyRate)) {
      switch (dirt.nextInt(3)) {
        case 0 -> v[4] = Dirt.blank(dirt);
        case 1 -> v[6] = dirt.chance(0.5) ? "htp:/" + event[2] : "";
        default -> v[8] = dirt.pick(BAD_IPS);
      }
    }
    return v;
  }

  /** Type, name and path of the event at {@code step} of a session that goes {@code depth} deep. */
  private static String[] event(int step, int depth, boolean signedIn, String product, Rng r) {
    String page = "/products/" + product;
    return switch (step) {
      case 0 -> new String[] {"page", "Page Viewed", r.chance(0.6) ? "/" : "/c/sale"};
      case 1 -> signedIn
          ? new String[] {"identify", "Signed In", "/account/login"}
          : new String[] {"track", "Products Searched", "/search?q=" + product.split("-")[0]};
      case 2 -> new String[] {"track", "Product Viewed", page};
      case 3 -> depth >= 1
          ? new String[] {"track", "Added To Cart", page}
          : new String[] {"track", "Product List Viewed", "/c/new"};
      case 4 -> depth >= 1
          ? new String[] {"page", "Cart Viewed", "/cart"}
          : new String[] {"track", "Product Viewed", page + "?ref=related"};
      case 5 -> depth >= 2
          ? new String[] {"track", "Checkout Started", "/checkout"}
          : new String[] {"page", "Page Viewed", "/c/sale"};
      case 6 -> depth >= 3
          ? new String[] {"track", "Payment Info Entered", "/checkout/payment"}
          : new String[] {"track", "Product Viewed", page + "?ref=recent"};
      default -> depth >= 3
          ? new String[] {"track", "Order Completed", "/checkout/confirmation"}
          : new String[] {"page", "Page Viewed", "/"};
    };
  }

  @Override
  public String subjectId(Object[] values) {
    return values[2] != null ? (String) values[2] : (String) values[1];
  }
}
