package io.cairn.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.spi.config.ConfigException;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

class DatagenConnectorTest {
  private final DatagenConnector connector = new DatagenConnector();

  @Test
  void declaresItsNameAndConfigurationWithoutSecrets() {
    assertThat(connector.name()).isEqualTo("datagen");
    assertThat(DatagenConnector.class.isAnnotationPresent(Extension.class)).isTrue();
    assertThat(connector.configDef().properties())
        .extracting(ConfigProperty::name)
        .containsExactly("entity", "count", "customers", "seed", "duplicateRate", "dirtyRate", "locale");
    assertThat(connector.configDef().secretNames()).isEmpty();
  }

  @Test
  void refusesAnUnknownEntity() {
    assertThatThrownBy(() -> Runs.task(Runs.config("products")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().asString().contains("'entity'"));
  }

  @Test
  void requiresAnEntity() {
    assertThatThrownBy(() -> connector.configDef().validate(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'entity' is required");
  }

  @Test
  void refusesANegativeCountAndOtherValuesOutOfRangeAllAtOnce() {
    assertThatThrownBy(
            () -> Runs.task(
                Runs.config("orders", "count", "-1", "dirtyRate", "1.5", "duplicateRate", "-0.1",
                    "customers", "0", "locale", "!!")))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems())
            .hasSize(5)
            .anyMatch(p -> p.contains("'count'") && p.contains("negative"))
            .anyMatch(p -> p.contains("'dirtyRate'"))
            .anyMatch(p -> p.contains("'duplicateRate'"))
            .anyMatch(p -> p.contains("'customers'"))
            .anyMatch(p -> p.contains("'locale'")));
  }

  @Test
  void refusesValuesOfTheWrongTypeAndUnknownProperties() {
    assertThatThrownBy(() -> Runs.task(Runs.config("orders", "count", "lots", "colour", "red")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'count' must be a long number")
        .hasMessageContaining("unknown property 'colour'");
  }

  @Test
  void refusesAResumeOffsetThatIsNotARowIndex() {
    assertThatThrownBy(() -> Runs.task(Runs.config("orders")).start(Runs.CONTEXT, "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row index");
  }

  @Test
  void personalColumnsCarryPiiTags() {
    Schema customers = Entity.CUSTOMERS.schema();
    assertThat(tags(customers, "email")).contains("PII", "PII.email");
    assertThat(tags(customers, "phone")).contains("PII", "PII.phone");
    assertThat(tags(customers, "first_name")).contains("PII", "PII.name");
    assertThat(tags(customers, "last_name")).contains("PII", "PII.name");
    assertThat(tags(customers, "street")).contains("PII", "PII.address");
    assertThat(tags(customers, "postcode")).contains("PII", "PII.address");
    assertThat(tags(customers, "birth_date")).contains("PII", "PII.birthdate");
    assertThat(tags(customers, "customer_id")).containsExactly("PII.id");
    assertThat(tags(customers, "loyalty_tier")).isEmpty();
    assertThat(tags(Entity.EVENTS.schema(), "ip")).contains("PII", "PII.ip");
    assertThat(tags(Entity.ORDERS.schema(), "amount")).isEmpty();
    for (Entity e : Entity.values()) {
      assertThat(tags(e.schema(), "customer_id")).as(e.name()).contains("PII.id");
    }
  }

  @Test
  void columnTypesMatchTheValues() throws Exception {
    for (Entity e : Entity.values()) {
      List<Row> rows = Runs.all(Runs.config(e.configName(), "count", "2000", "customers", "100"), 1000);
      for (Row r : rows) {
        for (int i = 0; i < e.schema().size(); i++) {
          Column c = e.schema().column(i);
          Object v = r.get(i);
          if (v == null) {
            assertThat(c.nullable()).as("%s.%s", e, c.name()).isTrue();
            continue;
          }
          Class<?> expected = switch (c.type()) {
            case STRING -> String.class;
            case LONG -> Long.class;
            case DECIMAL -> java.math.BigDecimal.class;
            case TIMESTAMP -> java.time.Instant.class;
            default -> throw new AssertionError("unexpected type " + c.type());
          };
          assertThat(v).as("%s.%s", e, c.name()).isInstanceOf(expected);
        }
      }
    }
  }

  @Test
  void theLocaleShapesNamesAddressesAndCurrency() throws Exception {
    List<Row> customers = Runs.all(Runs.config("customers", "count", "200", "locale", "de-DE"), 200);
    List<Row> orders = Runs.all(Runs.config("orders", "count", "200", "locale", "de-DE", "dirtyRate", "0"), 200);

    assertThat(customers).allMatch(r -> r.get(8).equals("DE"));
    assertThat(customers).anyMatch(r -> r.get(5).toString().matches(".*(straße|weg|platz|str\\.).*"));
    assertThat(orders).extracting(r -> r.get(4)).contains("EUR");
  }

  private static java.util.Set<String> tags(Schema schema, String column) {
    return schema.column(schema.require(column)).tags();
  }
}
