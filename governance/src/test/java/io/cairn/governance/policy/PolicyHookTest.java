package io.cairn.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.policy.AuditEntry;
import io.cairn.catalog.policy.AuditQuery;
import io.cairn.catalog.policy.AuditRepository;
import io.cairn.governance.RunScope;
import io.cairn.governance.audit.AuditLog;
import io.cairn.governance.keys.ManagedKey;
import io.cairn.governance.masking.MaskSpecs;
import io.cairn.governance.testing.Catalogs;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policies enforced on batches: masks and row filters in the sink's output, denials that name the policy. */
class PolicyHookTest {
  static final DatasetRef CUSTOMERS = new DatasetRef("postgres://db:5432", "shop.public.customers");
  static final DatasetRef ORDERS = new DatasetRef("postgres://db:5432", "shop.public.orders");
  static final Provenance P = new Provenance(new DatasetRef("file", "/in.csv"), "1");
  static final Map<String, Set<String>> GROUPS = Map.of("ann", Set.of("engineer", "analyst"),
      "mo", Set.of("engineer", "marketing"), "ian", Set.of("intern"));

  PolicyEngine engine;
  AuditLog audit;
  PolicyHook hook;

  @BeforeEach
  void setUp() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(PolicyEngineCasesTest.FILE)) {
      engine = new PolicyEngine(PolicyEngineCasesTest.policies(new ObjectMapper().readTree(in).get("policies")));
    }
    audit = new AuditLog(new AuditRepository(Catalogs.h2()), ManagedKey.of("audit", new byte[16]), 100);
    MaskSpecs specs = new MaskSpecs(ManagedKey.of("masking", new byte[32]), null, Clock.systemUTC());
    hook = new PolicyHook(engine, new PolicyMasks(specs), u -> GROUPS.getOrDefault(u, Set.of()), audit);
  }

  static Batch customers() {
    Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("card", ColumnType.STRING),
        Column.of("email", ColumnType.STRING), Column.of("phone", ColumnType.STRING).withTags("PII", "PII.phone"));
    return Batch.of(s, List.of(new Row(new Object[] {1L, "4111111111111111", "a@x.com", "+14155550123"}, "1", P),
        new Row(new Object[] {2L, "5500000000000004", "b@x.com", null}, "2", P)), null);
  }

  List<AuditEntry> entries(String action) {
    return audit.find(new AuditQuery(null, null, null, action, null, null), 0, 100);
  }

  @Test
  void masksFollowColumnsAndTagsForTheSinksAudience() {
    RunScope run = new RunScope("load", "r1", "ann");
    Batch out = hook.beforeWrite(run, CUSTOMERS, Set.of(), customers());
    assertThat(out.rows().get(0).get(1)).isEqualTo("************1111");
    assertThat(out.rows().get(0).get(2)).as("no mask for ann on email").isEqualTo("a@x.com");
    assertThat((String) out.rows().get(0).get(3)).as("tag mask: PII hashed").hasSize(64).isNotEqualTo("+14155550123");
    assertThat(out.rows().get(1).get(3)).isNull();
    assertThat(out.schema().column(3).tags()).doesNotContain("PII");
    hook.beforeWrite(run, CUSTOMERS, Set.of(), customers());
    assertThat(entries("policy.apply")).as("the decision, once, when it first applied").hasSize(1);
    hook.onRunEnd(run, "SUCCEEDED", null);
    List<AuditEntry> applied = entries("policy.apply");
    assertThat(applied).as("decision + summary, not one per batch").hasSize(2);
    assertThat(applied).allSatisfy(e -> assertThat(e.details()).contains("MASK_SHOW_LAST_4 as partial:0:4 (policy 4)")
        .contains("MASK_HASH as hmac (policy 10)").doesNotContain("4111"));
    assertThat(applied).anySatisfy(e -> assertThat(e.details()).contains("\"phase\":\"summary\"")
        .contains("\"batches\":2").contains("\"rows\":4"));

    Batch marketing = hook.beforeWrite(new RunScope("export", "r2", "mo"), CUSTOMERS, Set.of(), customers());
    assertThat(marketing.rows().get(0).get(2)).as("custom mask sha256:email")
        .isEqualTo(io.cairn.governance.masking.Digests.sha256Hex("a@x.com"));
    assertThat(marketing.rows().get(0).get(1)).as("no card mask for marketing").isEqualTo("4111111111111111");
  }

  @Test
  void rowFiltersDropRowsTheAudienceMayNotSee() {
    Schema s = Schema.of(Column.of("id", ColumnType.LONG), Column.of("country", ColumnType.STRING));
    Batch orders = Batch.of(s, List.of(new Row(new Object[] {1L, "FR"}, null, P),
        new Row(new Object[] {2L, "DE"}, null, P), new Row(new Object[] {3L, "FR"}, null, P)), "7");
    RunScope run = new RunScope("orders", "r3", "ann");
    Batch out = hook.beforeWrite(run, ORDERS, Set.of(), orders);
    assertThat(out.rows()).extracting(r -> r.get(0)).containsExactly(1L, 3L);
    assertThat(out.sourceOffset()).isEqualTo("7");
    hook.onRunEnd(run, "SUCCEEDED", null);
    assertThat(entries("policy.apply").getLast().details()).contains("\"rowsFiltered\":1")
        .contains("country = 'FR' (policy 5)");
    assertThat(hook.beforeWrite(new RunScope("orders", "r4", "mo"), ORDERS, Set.of(), orders).size()).isEqualTo(3);
  }

  @Test
  void denialsFailTheBatchNamingThePolicyAndAreAudited() {
    RunScope run = new RunScope("to-prod", "r5", "ian");
    assertThatThrownBy(() -> hook.beforeWrite(run, new DatasetRef("postgres://prod-1:5432", "crm.people"), Set.of(),
        customers())).isInstanceOf(PolicyDeniedException.class)
        .hasMessageContaining("flow 'to-prod' (run as ian) may not write postgres://prod-1:5432/crm.people")
        .hasMessageContaining("denied by policy 2");
    assertThatThrownBy(() -> hook.beforeWrite(new RunScope("to-dev", "r6", "ian"),
        new DatasetRef("postgres://dev:5432", "crm.people"), Set.of(), customers()))
        .hasMessageContaining("columns phone [PII, PII.phone] are denied by policy 12");
    assertThatThrownBy(() -> hook.afterRead(new RunScope("read", "r7", "nobody"), CUSTOMERS, customers()))
        .hasMessageContaining("may not read").hasMessageContaining("no policy allows read");
    assertThat(entries("policy.deny")).hasSize(3).allSatisfy(e -> assertThat(e.outcome()).isEqualTo("denied"));
  }

  @Test
  void decisionsAreCachedForTheRunAndForgottenAtItsEnd() {
    RunScope run = new RunScope("load", "r8", "ann");
    hook.beforeWrite(run, CUSTOMERS, Set.of(), customers());
    engine.update(List.of());
    Batch second = hook.beforeWrite(run, CUSTOMERS, Set.of(), customers());
    assertThat(second.rows().get(0).get(1)).as("same run: cached plan").isEqualTo("************1111");
    hook.onRunEnd(run, "SUCCEEDED", null);
    assertThatThrownBy(() -> hook.beforeWrite(new RunScope("load", "r9", "ann"), CUSTOMERS, Set.of(), customers()))
        .as("a new run decides again: no policy left").isInstanceOf(PolicyDeniedException.class);
  }
}
