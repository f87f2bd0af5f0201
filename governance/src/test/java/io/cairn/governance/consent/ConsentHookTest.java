package io.cairn.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.catalog.CatalogDatabase;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.testing.Catalogs;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hook drops rows per purpose, counts them, reports per batch and audits once per run. */
class ConsentHookTest {
  private static final Schema SCHEMA = Schema.of(Column.of("id", ColumnType.STRING));
  private static final DatasetRef SOURCE = new DatasetRef("test", "people");
  private final RunScope run = new RunScope("flow-1", "run-1", "engineer");

  private static Batch batch(String... subjects) {
    Batch.Builder b = Batch.builder(SCHEMA);
    int i = 0;
    for (String s : subjects) {
      b.add(new Row(new Object[] {"row-" + i}, s, new Provenance(SOURCE, Integer.toString(i++))));
    }
    return b.build();
  }

  @Test
  void rowsWithoutABasisAreDroppedAndCountedPerPurposeAndReason() {
    CatalogDatabase db = Catalogs.h2();
    ConsentServiceTest.Node n = ConsentServiceTest.node(db);
    ConsentService s = n.service();
    s.record(new ConsentRecord(List.of(new SubjectIdentifier("customer_id", "granted-all")), "analytics",
        ConsentStatus.GRANTED, LawfulBasis.CONSENT, ConsentSource.API, null, null), "t");
    s.record(new ConsentRecord(List.of(new SubjectIdentifier("customer_id", "granted-all")), "advertising",
        ConsentStatus.GRANTED, LawfulBasis.CONSENT, ConsentSource.API, null, null), "t");
    s.record(new ConsentRecord(List.of(new SubjectIdentifier("customer_id", "analytics-only")), "analytics",
        ConsentStatus.GRANTED, LawfulBasis.CONSENT, ConsentSource.API, null, null), "t");
    s.record(new ConsentRecord(List.of(new SubjectIdentifier("customer_id", "withdrawn")), "analytics",
        ConsentStatus.WITHDRAWN, LawfulBasis.CONSENT, ConsentSource.API, null, null), "t");
    s.suppress(List.of(new SubjectIdentifier("customer_id", "erased")), null, ConsentService.ERASED, "dsar");

    AuditLog audit = new AuditLog(new AuditRepository(db), ManagedKey.of("audit", new byte[16]), 100);
    List<Map<String, Double>> reported = new ArrayList<>();
    ConsentHook hook = new ConsentHook(n.index(), audit, (r, counts) -> reported.add(counts));
    Batch in = batch("granted-all", "analytics-only", "withdrawn", "stranger", null, "erased");

    Batch afterAnalytics = hook.beforeStep(run, "score", Set.of(Purpose.ANALYTICS), List.of(), in);
    assertThat(afterAnalytics.rows()).extracting(Row::subjectId)
        .containsExactly("granted-all", "analytics-only", null);
    Batch afterAds = hook.beforeStep(run, "ads", Set.of(Purpose.ADVERTISING), List.of(), afterAnalytics);
    assertThat(afterAds.rows()).extracting(Row::subjectId).containsExactly("granted-all", null);
    assertThat(hook.beforeStep(run, "plain", Set.of(), List.of(), in)).as("no purposes: no check").isSameAs(in);
    Batch internal = hook.beforeWrite(run, new DatasetRef("jdbc", "t"), Set.of(), in);
    assertThat(internal.rows()).as("purpose-less sinks still drop erased subjects").extracting(Row::subjectId)
        .containsExactly("granted-all", "analytics-only", "withdrawn", "stranger", null);

    assertThat(reported.get(0)).isEqualTo(Map.of("checked.analytics", 5.0, "dropped.analytics.withdrawn", 1.0,
        "dropped.analytics.unknown_subject", 1.0, "dropped.analytics.erased", 1.0));
    assertThat(reported.get(1)).isEqualTo(Map.of("checked.advertising", 2.0, "dropped.advertising.no_basis", 1.0));
    assertThat(reported.get(2)).isEqualTo(Map.of("dropped.erased", 1.0));

    assertThat(audit.find(new AuditQuery(null, null, null, "consent.", null, null), 0, 10)).isEmpty();
    hook.onRunEnd(run, "SUCCEEDED", null);
    hook.onRunEnd(run, "SUCCEEDED", null);
    List<AuditEntry> entries = audit.find(new AuditQuery(null, null, null, "consent.", null, null), 0, 10);
    assertThat(entries).as("one aggregate entry per run").singleElement().satisfies(e -> {
      assertThat(e.outcome()).isEqualTo("dropped");
      assertThat(e.target()).isEqualTo("flow:flow-1");
      assertThat(e.details()).contains("\"rowsDropped\":5").contains("\"dropped.advertising.no_basis\":1")
          .doesNotContain("granted-all");
    });
    Map<String, Double> sum = new HashMap<>();
    reported.forEach(m -> m.forEach((k, v) -> sum.merge(k, v, Double::sum)));
    assertThat(sum.get("checked.analytics")).isEqualTo(5.0);
  }
}
