package io.cairn.governance.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.lineage.ColumnEdge;
import io.cairn.catalog.lineage.LineageGraph;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageQueries.Direction;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.governance.lineage.testing.OpenLineageFixtures;
import java.nio.file.Files;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events from other producers stored in an embedded catalog and joined into one graph. */
class LineageIngestTest {
  private CatalogDatabase db;
  private LineageIngest ingest;
  private LineageQueries queries;

  @BeforeEach
  void catalog() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createTempDirectory("cairn-ingest")));
    db = new CatalogDatabase(h2);
    db.migrate();
    ingest = new LineageIngest(new EventValidator(), new LineageRepository(db), "cairn");
    queries = new LineageQueries(db);
  }

  @Test
  void everySpecFixtureIsAcceptedAndStored() {
    var events = OpenLineageFixtures.facetEvents();
    events.values().forEach(e -> ingest.accept(e, false));
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("lineage_events"))).isEqualTo(events.size());
    long out = queries.datasetId("ns", "fixture_out").orElseThrow();
    // the column lineage fixtures name Snowflake tables: their edges land on those datasets
    long discounts = queries.datasetId("SnowflakeOpenLineage", "DISCOUNTS").orElseThrow();
    assertThat(queries.columnLineage(discounts, "AMOUNT_OFF", 1, Direction.DOWNSTREAM))
        .extracting(e -> e.target().field()).contains("AMOUNT_OFF");
    assertThat(queries.graph(LineageGraph.NodeType.DATASET, out, 1, Direction.UPSTREAM).nodes()).hasSizeGreaterThan(1);
  }

  @Test
  void externalEventsJoinTheGraphByDatasetName() {
    ingest.accept(OpenLineageFixtures.runEvent("cairn", "load-orders", "orders.csv", "shop.orders"), true);
    ObjectNode spark = OpenLineageFixtures.runEvent("spark://cluster", "daily-revenue", "shop.orders", "revenue");
    ((ObjectNode) spark.path("outputs").get(0).path("facets")).putObject("columnLineage")
        .put("_producer", "https://example.org/spark")
        .put("_schemaURL", "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json")
        .putObject("fields").putObject("total").putArray("inputFields").addObject()
        .put("namespace", "ns").put("name", "shop.orders").put("field", "amount")
        .putArray("transformations").addObject().put("type", "DIRECT").put("subtype", "AGGREGATION");
    ingest.accept(spark, false);

    long csv = queries.datasetId("ns", "orders.csv").orElseThrow();
    LineageGraph graph = queries.graph(LineageGraph.NodeType.DATASET, csv, 4, Direction.DOWNSTREAM);
    assertThat(graph.nodes()).extracting(LineageGraph.Node::nodeId).containsExactlyInAnyOrder(
        "dataset:ns:orders.csv", "job:cairn:load-orders", "dataset:ns:shop.orders",
        "job:spark://cluster:daily-revenue", "dataset:ns:revenue");
    assertThat(graph.nodes()).filteredOn(n -> n.name().equals("load-orders")).singleElement()
        .extracting(LineageGraph.Node::flowId).isEqualTo("load-orders");
    long orders = queries.datasetId("ns", "shop.orders").orElseThrow();
    assertThat(queries.columnLineage(orders, "amount", 3, Direction.DOWNSTREAM)).singleElement()
        .extracting(ColumnEdge::subtype).isEqualTo("AGGREGATION");
  }

  @Test
  void invalidEventsAreRefusedAndNothingIsStored() {
    ObjectNode bad = OpenLineageFixtures.runEvent("x", "y", "a", "b");
    bad.remove("producer");
    assertThatThrownBy(() -> ingest.accept(bad, false)).isInstanceOf(InvalidLineageEventException.class)
        .hasMessageContaining("producer");
    ObjectNode tooLong = OpenLineageFixtures.runEvent("x", "y", "a", "b");
    ((ObjectNode) tooLong.path("outputs").get(0)).put("name", "n".repeat(2000));
    assertThatThrownBy(() -> ingest.accept(tooLong, false)).isInstanceOf(InvalidLineageEventException.class)
        .hasMessageContaining("too long");
    assertThat(db.dsl().fetchCount(db.dsl().selectFrom("lineage_events"))).isZero();
  }
}
