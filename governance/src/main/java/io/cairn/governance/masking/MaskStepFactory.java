package io.cairn.governance.masking;

import io.cairn.spi.TaskContext;
import io.cairn.spi.config.Config;
import io.cairn.spi.config.ConfigDef;
import io.cairn.spi.config.ConfigProperty;
import io.cairn.spi.config.ConfigType;
import io.cairn.spi.data.Batch;
import io.cairn.spi.data.Schema;
import io.cairn.spi.step.ColumnDerivation;
import io.cairn.spi.step.Step;
import io.cairn.spi.step.StepFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The built-in {@code cairn:step:mask}: masks the columns named in its {@code columns} parameter, e.g.
 * {@code email=sha256:email,phone=hmac:phone:GB,name=redact,birth_date=month}. Provided by the host rather
 * than a plugin because it uses the managed masking key and the catalog's token vault, which plugins cannot
 * reach. Reports what it masked, per batch, to an observer (the audit log).
 */
public final class MaskStepFactory implements StepFactory {
  public static final String NAME = "mask";

  private final MaskSpecs specs;
  private final Consumer<MaskReport> observer;

  /** What one batch had masked: for the audit log. Specs never contain key material. */
  public record MaskReport(String flowId, String runId, Map<String, String> columns, int rows) {}

  public MaskStepFactory(MaskSpecs specs, Consumer<MaskReport> observer) {
    this.specs = specs;
    this.observer = observer;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Masks columns: null, redact, partial, hmac, sha256 (email/phone normalised), token, age_band, "
        + "postcode, month, year, date_shift";
  }

  @Override
  public ConfigDef configDef() {
    return ConfigDef.of(ConfigProperty.builder("columns", ConfigType.STRING).required()
        .description("column=mask pairs separated by commas, e.g. email=sha256:email,name=redact").build());
  }

  @Override
  public Step create(Config config) {
    return new MaskStep(new BatchMasker(specs.parseColumns(config.string("columns"))), observer);
  }

  /** One mask step of one run. */
  private record MaskStep(BatchMasker masker, Consumer<MaskReport> observer) implements Step {
    @Override
    public Schema outputSchema(Schema input) {
      return masker.outputSchema(input);
    }

    @Override
    public List<ColumnDerivation> columnLineage(Schema input) {
      return masker.lineage(input);
    }

    @Override
    public Batch apply(Batch input, TaskContext context) {
      Batch out = masker.apply(input);
      Map<String, String> columns = new LinkedHashMap<>();
      masker.masks().forEach((c, f) -> columns.put(c, f.spec()));
      observer.accept(new MaskReport(context.flowId(), context.runId(), columns, input.size()));
      return out;
    }
  }
}
