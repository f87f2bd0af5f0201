package io.cairn.governance.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.policy.SuggestionEntry;
import io.cairn.catalog.policy.SuggestionRepository;
import io.cairn.governance.RunScope;
import io.cairn.governance.testing.Catalogs;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scans in flows store suggestions; stewards' decisions are kept, respected, and accepted tags follow the data. */
class ClassificationHookTest {
  static final DatasetRef CRM = new DatasetRef("file", "/data/crm.csv");
  static final Provenance P = new Provenance(CRM, "1");

  static Batch batch(String... emails) {
    Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("contact", ColumnType.STRING));
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < emails.length; i++) {
      rows.add(new Row(new Object[] {(long) i, emails[i]}, null, P));
    }
    return Batch.of(s, rows, null);
  }

  @Test
  void suggestionsAreStoredDecidedAndRespected() {
    SuggestionRepository repo = new SuggestionRepository(Catalogs.h2());
    ClassificationHook hook = new ClassificationHook(new PiiClassifier("US"), repo);
    Batch first = batch("a@x.com", "b@y.org", "c@z.net", "nope");
    Batch out = hook.afterRead(new RunScope("f", "r1", "etl"), CRM, first);
    assertThat(out).isSameAs(first);
    List<SuggestionEntry> pending = repo.list(SuggestionEntry.SUGGESTED, 0, 10);
    assertThat(pending).singleElement().satisfies(s -> {
      assertThat(s.column()).isEqualTo("contact");
      assertThat(s.tag()).isEqualTo("PII.email");
      assertThat(s.confidence()).isEqualTo(0.75);
    });

    assertThat(repo.decide(pending.getFirst().id(), SuggestionEntry.REJECTED, "steward")).isTrue();
    hook.afterRead(new RunScope("f", "r2", "etl"), CRM, first);
    assertThat(repo.list(SuggestionEntry.SUGGESTED, 0, 10)).as("a rejection is respected").isEmpty();
    hook.afterRead(new RunScope("f", "r3", "etl"), CRM, batch("a@x.com", "b@y.org", "c@z.net", "d@w.io"));
    assertThat(repo.list(SuggestionEntry.SUGGESTED, 0, 10)).as("the data changed: asked again").hasSize(1);

    assertThat(repo.decide(pending.getFirst().id(), SuggestionEntry.ACCEPTED, "steward")).isTrue();
    Batch tagged = hook.afterRead(new RunScope("f", "r4", "etl"), CRM, first);
    assertThat(tagged.schema().column(1).tags()).containsExactlyInAnyOrder("PII", "PII.email");
    assertThat(tagged.rows()).isEqualTo(first.rows());
    assertThat(repo.list(SuggestionEntry.SUGGESTED, 0, 10)).isEmpty();
  }

  @Test
  void fieldsOfJsonEventsAreClassifiedByPathAndTagTheirColumn() {
    SuggestionRepository repo = new SuggestionRepository(Catalogs.h2());
    ClassificationHook hook = new ClassificationHook(new PiiClassifier("US"), repo);
    Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("event", ColumnType.JSON));
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(new Row(new Object[] {(long) i, """
          {"event": "Order Completed", "context": {"ip": "10.0.0.%d", "traits": {"email": "u%d@shop.example",
           "phone": "+1 650-253-00%02d"}}, "properties": {"order_id": "%d", "items": [{"sku": "SKU-%d"},
           {"sku": "SKU-9"}]}}""".formatted(i + 1, i, i, 100000 + i, i)}, null, P));
    }
    hook.afterRead(new RunScope("f", "r1", "etl"), CRM, Batch.of(s, rows, null));
    List<SuggestionEntry> pending = repo.list(SuggestionEntry.SUGGESTED, 0, 10);
    assertThat(pending).extracting(SuggestionEntry::column, SuggestionEntry::tag).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("event.context.ip", "PII.ip_address"),
        org.assertj.core.groups.Tuple.tuple("event.context.traits.email", "PII.email"),
        org.assertj.core.groups.Tuple.tuple("event.context.traits.phone", "PII.phone"));

    SuggestionEntry email = pending.stream().filter(e -> e.tag().equals("PII.email")).findFirst().orElseThrow();
    assertThat(repo.decide(email.id(), SuggestionEntry.ACCEPTED, "steward")).isTrue();
    Batch tagged = hook.afterRead(new RunScope("f", "r2", "etl"), CRM, Batch.of(s, rows, null));
    assertThat(tagged.schema().column(1).tags()).as("the events' column carries its fields' tags")
        .containsExactlyInAnyOrder("PII", "PII.email");
  }
}
