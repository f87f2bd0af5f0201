package io.cairn.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.spi.data.Row;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Orders, events and consents refer to the customers that the customers entity generates. */
class RelationsTest {
  private static final String CUSTOMERS = "2000";
  private static List<Row> customers;
  private static Map<String, Row> byId;

  @BeforeAll
  static void generateCustomers() throws Exception {
    customers = Runs.all(Runs.config("customers", "customers", CUSTOMERS), 1000);
    byId = new HashMap<>();
    customers.forEach(r -> byId.put((String) r.get(0), r));
  }

  @Test
  void customerIdsAreUniqueAndFormatted() {
    assertThat(customers).hasSize(2000);
    assertThat(byId).hasSize(2000);
    assertThat(byId).containsKeys("C000000", "C001999");
  }

  @Test
  void everyOrderBelongsToACustomerAndFollowsTheSignup() throws Exception {
    List<Row> orders = Runs.all(Runs.config("orders", "count", "10000", "customers", CUSTOMERS), 1000);

    for (Row o : orders) {
      Row customer = byId.get((String) o.get(1));
      assertThat(customer).as("customer of %s", o).isNotNull();
      assertThat((Instant) o.get(2)).isAfterOrEqualTo((Instant) customer.get(10));
      assertThat(o.subjectId()).isEqualTo(o.get(1));
    }
    Map<Object, Long> perCustomer =
        orders.stream().collect(Collectors.groupingBy(r -> r.get(1), Collectors.counting()));
    assertThat(perCustomer.values().stream().mapToLong(Long::longValue).max().orElseThrow())
        .as("a few customers order much more than the average of 5")
        .isGreaterThan(20);
  }

  @Test
  void eventsAreSignedInKnownOrAnonymousVisitors() throws Exception {
    List<Row> events = Runs.all(Runs.config("events", "count", "40000", "customers", CUSTOMERS), 1000);
    Map<String, String> anonymousToCustomer = new HashMap<>();
    long anonymous = 0;
    for (Row e : events) {
      String customerId = (String) e.get(2);
      if (customerId == null) {
        anonymous++;
        assertThat(e.subjectId()).isEqualTo(e.get(1));
        continue;
      }
      Row customer = byId.get(customerId);
      assertThat(customer).as("customer of %s", e).isNotNull();
      assertThat(e.get(9)).as("device of a signed-in event").isEqualTo(customer.get(12));
      assertThat(e.subjectId()).isEqualTo(customerId);
      anonymousToCustomer.put((String) e.get(1), customerId);
    }
    assertThat(anonymous / (double) events.size()).isCloseTo(0.30, within(0.04));
    long stitchable =
        events.stream()
            .filter(e -> e.get(2) == null && anonymousToCustomer.containsKey((String) e.get(1)))
            .count();
    assertThat(stitchable).as("anonymous events from a browser that signs in elsewhere").isGreaterThan(1000);
    Set<Object> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.get(0)));
    assertThat(ids).as("event ids are unique").hasSize(events.size());
    assertThat(events).extracting(e -> e.get(4)).contains("Product Viewed", "Added To Cart", "Order Completed");
  }

  @Test
  void consentsCoverEveryCustomerWithRealisticGrantRates() throws Exception {
    List<Row> consents = Runs.all(Runs.config("consents", "customers", CUSTOMERS, "dirtyRate", "0"), 1000);

    assertThat(consents).hasSize(2000 * 6);
    assertThat(consents).allMatch(r -> byId.containsKey((String) r.get(0)));
    assertThat(grantRate(consents, "analytics")).isCloseTo(0.70, within(0.04));
    assertThat(grantRate(consents, "email_marketing")).isCloseTo(0.35, within(0.04));
    assertThat(grantRate(consents, "sale_share")).isCloseTo(0.12, within(0.03));
    assertThat(consents).extracting(r -> r.get(4)).contains("form", "api", "tcf", "gpc", "import");
  }

  @Test
  void laterConsentRoundsUpdateEarlierDecisions() throws Exception {
    List<Row> consents =
        Runs.all(Runs.config("consents", "customers", "500", "count", "6000", "dirtyRate", "0"), 1000);

    long flipped = 0;
    for (int i = 0; i < 3000; i++) {
      Row first = consents.get(i);
      Row update = consents.get(i + 3000);
      assertThat(update.get(0)).isEqualTo(first.get(0));
      assertThat(update.get(1)).isEqualTo(first.get(1));
      assertThat((Instant) update.get(5)).isAfter((Instant) first.get(5));
      flipped += update.get(2).equals(first.get(2)) ? 0 : 1;
    }
    assertThat(flipped / 3000.0).isCloseTo(0.2, within(0.04));
  }

  private static double grantRate(List<Row> consents, String purpose) {
    List<Row> rows = consents.stream().filter(r -> r.get(1).equals(purpose)).toList();
    return rows.stream().filter(r -> r.get(2).equals("granted")).count() / (double) rows.size();
  }
}
