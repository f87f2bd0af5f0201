package io.cairn.governance.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.governance.keys.ManagedKey;
import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Column;
import io.cairn.spi.data.ColumnType;
import io.cairn.spi.data.DatasetRef;
import io.cairn.spi.data.Provenance;
import io.cairn.spi.data.Row;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masking whole batches, and the built-in mask step with its tags, lineage and reports. */
class BatchMaskerTest {
  static final Schema SCHEMA = Schema.of(
      new Column("id", ColumnType.LONG, false, java.util.Set.of()),
      Column.of("email", ColumnType.STRING).withTags("PII", "PII.email"),
      Column.of("name", ColumnType.STRING).withTags("PII", "gdpr"),
      Column.of("birth_date", ColumnType.DATE).withTags("sensitive"));
  static final Provenance P = new Provenance(new DatasetRef("file", "/in.csv"), "1");
  final MaskSpecs specs = new MaskSpecs(ManagedKey.of("masking", new byte[32]), null, Clock.systemUTC());

  static Batch batch() {
    return Batch.of(SCHEMA, List.of(
        new Row(new Object[] {1L, "A@x.com", "Ann", LocalDate.of(1990, 5, 17)}, "c1", P),
        new Row(new Object[] {2L, null, "Bob", null}, "c2", P)), "offset-9");
  }

  @Test
  void masksColumnsAndMovesTags() {
    BatchMasker m = new BatchMasker(specs.parseColumns("email=sha256:email, name=redact, birth_date=month"));
    Batch out = m.apply(batch());
    assertThat(out.sourceOffset()).isEqualTo("offset-9");
    assertThat(out.rows().get(0).values()).containsExactly(1L, Digests.sha256Hex("a@x.com"), "[REDACTED]",
        LocalDate.of(1990, 5, 1));
    assertThat(out.rows().get(1).values()).containsExactly(2L, null, "[REDACTED]", null);
    assertThat(out.rows().get(0).subjectId()).isEqualTo("c1");
    Schema s = out.schema();
    assertThat(s.column(1).tags()).containsExactly(BatchMasker.PSEUDONYMISED);
    assertThat(s.column(2).tags()).containsExactlyInAnyOrder("gdpr", BatchMasker.MASKED);
    assertThat(s.column(3).tags()).containsExactly(BatchMasker.MASKED);
    assertThat(s.column(0)).isEqualTo(SCHEMA.column(0));
    List<ColumnDerivation> lineage = m.lineage(SCHEMA);
    assertThat(lineage).hasSize(3).allMatch(d -> d.kind() == ColumnDerivation.Kind.MASKED);
    assertThat(lineage.get(0).tagsRemoved()).containsExactlyInAnyOrder("PII", "PII.email");
    assertThat(lineage.get(0).description()).isEqualTo("sha256:email");
  }

  @Test
  void wrongColumnsOrTypesAreRefusedNamingTheColumn() {
    assertThatThrownBy(() -> new BatchMasker(specs.parseColumns("phone=redact")).apply(batch()))
        .hasMessageContaining("no such column").hasMessageContaining("phone");
    assertThatThrownBy(() -> new BatchMasker(specs.parseColumns("id=redact")).outputSchema(SCHEMA))
        .hasMessageContaining("column 'id'").hasMessageContaining("LONG");
  }

  @Test
  void theMaskStepMasksAndReportsEachBatch() throws Exception {
    List<MaskStepFactory.MaskReport> reports = new ArrayList<>();
    MaskStepFactory factory = new MaskStepFactory(specs, reports::add);
    assertThat(factory.name()).isEqualTo("mask");
    Config config = factory.configDef().validate(Map.of("columns", "email=hmac:email,name=partial:1:0"));
    Step step = factory.create(config);
    assertThat(step.outputSchema(SCHEMA).column(2).tags()).contains(BatchMasker.MASKED);
    Batch out = step.apply(batch(), new Ctx());
    assertThat(out.rows().get(0).get(2)).isEqualTo("A**");
    assertThat((String) out.rows().get(0).get(1)).hasSize(64);
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.flowId()).isEqualTo("f1");
      assertThat(r.rows()).isEqualTo(2);
      assertThat(r.columns()).containsEntry("email", "hmac:email").containsEntry("name", "partial:1:0");
    });
    assertThatThrownBy(() -> factory.configDef().validate(Map.of())).hasMessageContaining("columns");
  }

  /** A task context for one run. */
  static final class Ctx implements TaskContext {
    @Override
    public String flowId() {
      return "f1";
    }

    @Override
    public String runId() {
      return "r1";
    }

    @Override
    public void quarantine(Provenance where, String rawRecord, String reason) {
      throw new AssertionError("nothing is quarantined by masking");
    }

    @Override
    public Path workDir() {
      return Path.of("/tmp");
    }
  }
}
