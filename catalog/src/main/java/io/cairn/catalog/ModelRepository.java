package io.cairn.catalog;

import static io.cairn.catalog.jooq.Tables.MODELS;
import static io.cairn.catalog.jooq.Tables.MODEL_ARTIFACTS;

import io.cairn.catalog.jooq.tables.records.ModelsRecord;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The model registry: versions numbered 1, 2, ... per model name; promote marks one version as production
 * (the previous production version is retired); roll back returns production to the version before.
 */
public final class ModelRepository {
  private final DSLContext dsl;

  public ModelRepository(CatalogDatabase db) {
    this.dsl = db.dsl();
  }

  /**
   * Registers the next version of a model as a candidate and returns it.
   *
   * @throws IllegalArgumentException when a metric or feature name is not lower-case letters, digits and '_'
   */
  public ModelEntry register(String name, String kind, List<String> features, Map<String, Double> metrics,
      String trainingDataset, String by) {
    java.util.stream.Stream.concat(metrics.keySet().stream(), features.stream()).forEach(n -> {
      if (!n.matches("[a-z][a-z0-9_]{0,63}")) {
        throw new IllegalArgumentException("metric and feature names must be lower-case letters, digits and '_': '"
            + n + "'");
      }
    });
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      Integer last = tx.select(org.jooq.impl.DSL.max(MODELS.VERSION)).from(MODELS).where(MODELS.NAME.eq(name))
          .fetchOne(0, Integer.class);
      ModelsRecord r = tx.newRecord(MODELS);
      r.setName(name);
      r.setVersion(last == null ? 1 : last + 1);
      r.setKind(kind);
      r.setStage(ModelEntry.CANDIDATE);
      r.setFeatures(String.join(",", features));
      r.setMetrics(encode(metrics));
      r.setTrainingDataset(trainingDataset);
      r.setCreatedBy(by);
      r.setCreatedAt(Clock.now());
      r.store();
      return map(r);
    });
  }

  /**
   * Keeps the trained model of a registered version and its evaluation details (JSON), replacing earlier ones.
   *
   * @throws IllegalArgumentException when there is no such version
   */
  public void storeArtifact(String name, int version, String format, byte[] content, String details) {
    dsl.transaction(cfg -> {
      DSLContext tx = cfg.dsl();
      ModelsRecord m = tx.fetchOne(MODELS, MODELS.NAME.eq(name).and(MODELS.VERSION.eq(version)));
      if (m == null) {
        throw new IllegalArgumentException("no version " + version + " of model '" + name + "'");
      }
      tx.deleteFrom(MODEL_ARTIFACTS).where(MODEL_ARTIFACTS.MODEL_ID.eq(m.getId())).execute();
      tx.insertInto(MODEL_ARTIFACTS).set(MODEL_ARTIFACTS.MODEL_ID, m.getId()).set(MODEL_ARTIFACTS.FORMAT, format)
          .set(MODEL_ARTIFACTS.CONTENT, content).set(MODEL_ARTIFACTS.DETAILS, details).execute();
    });
  }

  /** The trained model of a version, if one was stored. */
  public Optional<byte[]> artifact(String name, int version) {
    return Optional.ofNullable(dsl.select(MODEL_ARTIFACTS.CONTENT).from(MODEL_ARTIFACTS).join(MODELS)
        .on(MODELS.ID.eq(MODEL_ARTIFACTS.MODEL_ID)).where(MODELS.NAME.eq(name).and(MODELS.VERSION.eq(version)))
        .fetchOne(MODEL_ARTIFACTS.CONTENT));
  }

  /** The evaluation details (JSON) of a version, if stored. */
  public Optional<String> details(String name, int version) {
    return Optional.ofNullable(dsl.select(MODEL_ARTIFACTS.DETAILS).from(MODEL_ARTIFACTS).join(MODELS)
        .on(MODELS.ID.eq(MODEL_ARTIFACTS.MODEL_ID)).where(MODELS.NAME.eq(name).and(MODELS.VERSION.eq(version)))
        .fetchOne(MODEL_ARTIFACTS.DETAILS));
  }

  /** Every version of every model, by name then version. */
  public List<ModelEntry> list() {
    return dsl.selectFrom(MODELS).orderBy(MODELS.NAME, MODELS.VERSION).fetch().map(ModelRepository::map);
  }

  /** The versions of one model, oldest first. */
  public List<ModelEntry> versions(String name) {
    return dsl.selectFrom(MODELS).where(MODELS.NAME.eq(name)).orderBy(MODELS.VERSION).fetch().map(ModelRepository::map);
  }

  /** The production version of a model, if any. */
  public Optional<ModelEntry> production(String name) {
    return Optional.ofNullable(dsl.fetchOne(MODELS, MODELS.NAME.eq(name).and(MODELS.STAGE.eq(ModelEntry.PRODUCTION))))
        .map(ModelRepository::map);
  }

  /**
   * Makes a version the production one; the current production version is retired.
   *
   * @throws IllegalArgumentException when there is no such version
   */
  public ModelEntry promote(String name, int version) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      ModelsRecord r = tx.fetchOne(MODELS, MODELS.NAME.eq(name).and(MODELS.VERSION.eq(version)));
      if (r == null) {
        throw new IllegalArgumentException("no version " + version + " of model '" + name + "'");
      }
      tx.update(MODELS).set(MODELS.STAGE, ModelEntry.RETIRED)
          .where(MODELS.NAME.eq(name).and(MODELS.STAGE.eq(ModelEntry.PRODUCTION))).execute();
      r.setStage(ModelEntry.PRODUCTION);
      r.setPromotedAt(Clock.now());
      r.store();
      return map(r);
    });
  }

  /**
   * Puts the most recently promoted retired version back into production and makes the current one a
   * candidate again.
   *
   * @throws IllegalArgumentException when there is no production version or none before it
   */
  public ModelEntry rollback(String name) {
    return dsl.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      ModelsRecord current = tx.fetchOne(MODELS, MODELS.NAME.eq(name).and(MODELS.STAGE.eq(ModelEntry.PRODUCTION)));
      ModelsRecord previous = tx.selectFrom(MODELS).where(MODELS.NAME.eq(name).and(MODELS.STAGE.eq(ModelEntry.RETIRED)))
          .orderBy(MODELS.PROMOTED_AT.desc(), MODELS.VERSION.desc()).limit(1).fetchOne();
      if (current == null || previous == null) {
        throw new IllegalArgumentException("model '" + name + "' has no earlier production version to roll back to");
      }
      current.setStage(ModelEntry.CANDIDATE);
      current.store();
      previous.setStage(ModelEntry.PRODUCTION);
      previous.setPromotedAt(Clock.now());
      previous.store();
      return map(previous);
    });
  }

  private static String encode(Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    metrics.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }

  private static Map<String, Double> decode(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!text.isEmpty()) {
      for (String part : text.split(",")) {
        int eq = part.indexOf('=');
        out.put(part.substring(0, eq), Double.valueOf(part.substring(eq + 1)));
      }
    }
    return out;
  }

  private static ModelEntry map(ModelsRecord r) {
    List<String> features = r.getFeatures().isEmpty() ? List.of() : Arrays.asList(r.getFeatures().split(","));
    return new ModelEntry(r.getId(), r.getName(), r.getVersion(), r.getKind().toLowerCase(Locale.ROOT), r.getStage(),
        List.copyOf(features), decode(r.getMetrics()), r.getTrainingDataset(), r.getCreatedBy(), r.getCreatedAt(),
        r.getPromotedAt());
  }
}
