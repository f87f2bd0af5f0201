package io.cairn.governance.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.lineage.LineageQueries;
import io.cairn.catalog.lineage.LineageRepository;
import io.cairn.catalog.lineage.TagOverrides;
import io.cairn.governance.RunScope;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.ColumnDerivation.Kind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Tags follow column lineage from flow to flow through the catalog: three hops, each reading what the one
 * before wrote (with no tags in its schema), and stopping where a step declares the tag removed.
 */
class TagPropagationTest {
  private static final DatasetRef A = new DatasetRef("crm", "contacts");
  private static final DatasetRef B = new DatasetRef("lake", "contacts");
  private static final DatasetRef C = new DatasetRef("lake", "domains");
  private static final DatasetRef D = new DatasetRef("mart", "domains");

  @Test
  void tagsPropagateThroughThreeHopsAndStopWhereDeclared() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createTempDirectory("cairn-tags")));
    CatalogDatabase db = new CatalogDatabase(h2);
    db.migrate();
    LineageIngest ingest = new LineageIngest(new EventValidator(), new LineageRepository(db), "cairn");
    LineageQueries queries = new LineageQueries(db);
    try (LineageRecorder recorder = new LineageRecorder("cairn", Duration.ofSeconds(60), e -> ingest.accept(e, true),
        d -> queries.columnTags(d.namespace(), d.name()))) {
      // hop 1: the CRM declares email as PII; the lake copy's schema says nothing
      run(recorder, A, Schema.of(Column.of("id", ColumnType.LONG),
          Column.of("email", ColumnType.STRING).withTags("PII", "PII.email")), List.of(), B,
          schema("id", "email"));
      // hop 2: the domain derives from the email
      run(recorder, B, schema("id", "email"), List.of(ColumnDerivation.of("email_domain", Kind.DERIVED, "email")),
          C, schema("id", "email_domain"));
      // hop 3: a copy keeps the tags, a hash declares PII removed
      run(recorder, C, schema("id", "email_domain"), List.of(
          ColumnDerivation.of("domain_copy", Kind.DERIVED, "email_domain"),
          new ColumnDerivation("domain_hash", List.of("email_domain"), Kind.MASKED, "sha-256", Set.of("PII"),
              Set.of("PII.pseudonymised"))), D, schema("id", "domain_copy", "domain_hash"));
    }
    assertThat(queries.columnTags("lake", "contacts")).isEqualTo(Map.of("email", Set.of("PII", "PII.email")));
    assertThat(queries.columnTags("lake", "domains")).isEqualTo(Map.of("email_domain", Set.of("PII", "PII.email")));
    assertThat(queries.columnTags("mart", "domains")).isEqualTo(Map.of(
        "domain_copy", Set.of("PII", "PII.email"), "domain_hash", Set.of("PII.pseudonymised")));
  }

  @Test
  void aStewardsOverrideWinsInTheEventsAndPropagatesFromThere() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(CatalogDatabase.h2FileUrl(Files.createTempDirectory("cairn-tag-overrides")));
    CatalogDatabase db = new CatalogDatabase(h2);
    db.migrate();
    LineageIngest ingest = new LineageIngest(new EventValidator(), new LineageRepository(db), "cairn");
    LineageQueries queries = new LineageQueries(db);
    TagOverrides overrides = new TagOverrides(db);
    List<JsonNode> events = new ArrayList<>();
    try (LineageRecorder recorder = new LineageRecorder("cairn", Duration.ofSeconds(60), e -> {
      events.add(e);
      ingest.accept(e, true);
    }, d -> queries.columnTags(d.namespace(), d.name()), d -> queries.tagOverrides(d.namespace(), d.name()))) {
      run(recorder, A, Schema.of(Column.of("id", ColumnType.LONG),
          Column.of("email", ColumnType.STRING).withTags("PII", "PII.email")), List.of(), B, schema("id", "email"));
      // the source's own schema says PII, the steward says the lake holds a pseudonym
      overrides.put(queries.datasetId("lake", "contacts").orElseThrow(), "email", Set.of("PII.pseudonymised"),
          "tokenised on the way in", "steward");
      List<ColumnDerivation> domain = List.of(ColumnDerivation.of("email_domain", Kind.DERIVED, "email"));
      run(recorder, B, Schema.of(Column.of("id", ColumnType.LONG),
          Column.of("email", ColumnType.STRING).withTags("PII")), domain, C, schema("id", "email_domain"));
      assertThat(tags(events.getLast().path("inputs").get(0))).containsExactly("email=PII.pseudonymised");
      assertThat(tags(events.getLast().path("outputs").get(0))).containsExactly("email_domain=PII.pseudonymised");
      assertThat(queries.columnTags("lake", "domains")).isEqualTo(Map.of("email_domain", Set.of("PII.pseudonymised")));

      // an override on an output: no tags at all, whatever lineage carries to it
      overrides.put(queries.datasetId("lake", "domains").orElseThrow(), "email_domain", Set.of(),
          "a domain names no one", "steward");
      run(recorder, B, schema("id", "email"), domain, C, schema("id", "email_domain"));
      assertThat(tags(events.getLast().path("outputs").get(0))).isEmpty();
      assertThat(queries.columnTags("lake", "domains")).isEqualTo(Map.of("email_domain", Set.of()));
    }
    assertThat(events).allSatisfy(e -> assertThat(new EventValidator().validate(e)).isEmpty());
  }

  private static List<String> tags(JsonNode dataset) {
    List<String> out = new ArrayList<>();
    dataset.path("facets").path("tags").path("tags").forEach(t -> out.add(t.path("field").asText() + "="
        + t.path("key").asText()));
    return out;
  }

  private static void run(LineageRecorder recorder, DatasetRef in, Schema read, List<ColumnDerivation> step,
      DatasetRef out, Schema written) throws InterruptedException {
    RunScope run = new RunScope("hop-" + out.name(), UUID.randomUUID().toString(), null);
    recorder.onRunStart(run);
    Batch batch = recorder.afterRead(run, in, Batch.of(read, List.of(), null));
    recorder.beforeStep(run, "step", Set.of(), step, batch);
    recorder.afterWrite(run, out, Batch.of(written, List.of(), null), 0);
    recorder.onRunEnd(run, "SUCCEEDED", null);
    recorder.flush();
  }

  private static Schema schema(String... names) {
    return Schema.of(java.util.Arrays.stream(names).map(n -> Column.of(n, n.equals("id") ? ColumnType.LONG
        : ColumnType.STRING)).toList());
  }
}
