package io.cairn.platform.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.catalog.ModelEntry;
import io.cairn.catalog.ModelRepository;
import io.cairn.governance.GovernanceHook;
import io.cairn.governance.consent.ConsentGate;
import io.cairn.profiles.models.BatchScorer;
import io.cairn.profiles.models.Curves;
import io.cairn.profiles.models.ItemRecommender;
import io.cairn.profiles.models.LifetimeValue;
import io.cairn.profiles.models.ModelArtifact;
import io.cairn.profiles.models.Propensity;
import io.cairn.profiles.onnx.OnnxExport;
import io.cairn.profiles.onnx.OnnxModel;
import io.cairn.profiles.segments.ClusterSummary;
import io.cairn.profiles.segments.KMeansClustering;
import io.cairn.spi.Purpose;
import io.cairn.spi.data.DatasetRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains models (propensity, lifetime value, K-means, item-item recommendations) and registers uploaded ONNX
 * models, each with its stored model, evaluation details and lineage, and hands registered versions to the
 * scoring, clustering and recommending steps (loaded once per version and kept). Rows about a subject enter
 * training only when the consent gate permits the subject for {@code profiling}. Thread-safe.
 */
public final class ModelService {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelRepository models;
  private final ConsentGate consent;
  private final ModelLineage lineage;
  /** The model kinds of the registry (as {@link ModelEntry#kind}). */
  static final String ONNX = "onnx";
  static final String RECOMMENDER = "recommender";

  /** How long a model version no running step holds stays in memory after its last use. */
  static final Duration IDLE = Duration.ofMinutes(10);

  private final LoadedModels loaded;

  public ModelService(ModelRepository models, ConsentGate consent, GovernanceHook lineage) {
    this(models, consent, lineage, new LoadedModels(IDLE, System::nanoTime));
  }

  ModelService(ModelRepository models, ConsentGate consent, GovernanceHook lineage, LoadedModels loaded) {
    this.models = models;
    this.consent = consent;
    this.lineage = new ModelLineage(lineage);
    this.loaded = loaded;
  }

  ModelRepository registry() {
    return models;
  }

  ConsentGate consent() {
    return consent;
  }

  ModelLineage lineage() {
    return lineage;
  }

  /** Training rows: features, optionally the subject of each row and the outcome of each row. */
  record Rows(List<String> features, double[][] x, List<String> subjects, boolean[] outcomes) {}

  /**
   * Keeps the rows whose subject the consent gate permits for profiling (rows without a subject list are
   * not about identified people and all stay).
   *
   * @throws IllegalArgumentException when there are subjects but not one per row
   */
  Rows permitted(Rows in) {
    if (in.subjects() == null) {
      return in;
    }
    if (in.subjects().size() != in.x().length) {
      throw new IllegalArgumentException("send one subject per row: " + in.subjects().size() + " subjects for "
          + in.x().length + " rows");
    }
    List<double[]> x = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < in.x().length; i++) {
      String s = in.subjects().get(i);
      if (s != null && consent.permits(s, Purpose.PROFILING)) {
        x.add(in.x()[i]);
        subjects.add(s);
        y.add(in.outcomes() != null && in.outcomes()[i]);
      }
    }
    boolean[] outcomes = new boolean[y.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = y.get(i);
    }
    return new Rows(in.features(), x.toArray(double[][]::new), subjects, in.outcomes() == null ? null : outcomes);
  }

  /** Trains a propensity model on the permitted rows and registers it with its ROC curve and lift. */
  ModelEntry trainPropensity(String name, Rows rows, double testShare, long seed, String trainingDataset, String by) {
    DatasetRef training = trainingDataset == null ? null : ModelLineage.parse(trainingDataset);
    Rows ok = permitted(rows);
    Propensity p = Propensity.train(ok.features(), ok.x(), ok.outcomes(), testShare, seed);
    int[] test = Propensity.testRows(ok.x().length, testShare, seed);
    double[] scores = new double[test.length];
    boolean[] outcomes = new boolean[test.length];
    for (int i = 0; i < test.length; i++) {
      scores[i] = p.score(ok.x()[test[i]]);
      outcomes[i] = ok.outcomes()[test[i]];
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("auc", p.auc());
    metrics.put("log_loss", p.logLoss());
    metrics.put("train_rows", (double) p.trainSize());
    metrics.put("test_rows", (double) p.testSize());
    metrics.put("excluded_rows", (double) (rows.x().length - ok.x().length));
    Map<String, Object> details = Map.of("roc", Curves.roc(scores, outcomes, 101),
        "lift", Curves.liftByDecile(scores, outcomes));
    return register(name, ModelArtifact.of(p), metrics, details, training, by);
  }

  /**
   * Trains a customer-lifetime-value regression on the rows of permitted subjects and registers it with its
   * held-out RMSE.
   *
   * @throws IllegalArgumentException when there is not one value (and, if given, one subject) per row
   */
  ModelEntry trainLifetimeValue(String name, List<String> features, double[][] x, double[] values,
      List<String> subjects, double testShare, long seed, String trainingDataset, String by) {
    DatasetRef training = trainingDataset == null ? null : ModelLineage.parse(trainingDataset);
    if (values.length != x.length) {
      throw new IllegalArgumentException("send one value per row: " + values.length + " values for " + x.length
          + " rows");
    }
    Rows ok = permitted(new Rows(features, x, subjects, null));
    double[] kept = values;
    if (subjects != null) {
      List<Double> v = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        String s = subjects.get(i);
        if (s != null && consent.permits(s, Purpose.PROFILING)) {
          v.add(values[i]);
        }
      }
      kept = v.stream().mapToDouble(Double::doubleValue).toArray();
    }
    LifetimeValue clv = LifetimeValue.train(features, ok.x(), kept, testShare, seed);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("rmse", clv.rmse());
    metrics.put("train_rows", (double) clv.trainSize());
    metrics.put("test_rows", (double) clv.testSize());
    metrics.put("excluded_rows", (double) (x.length - ok.x().length));
    return register(name, ModelArtifact.of(clv), metrics, Map.of(), training, by);
  }

  /** Clusters the permitted rows (k by silhouette) and registers the model with its cluster summaries. */
  ModelEntry trainClusters(String name, Rows rows, int maxK, String trainingDataset, String by) {
    DatasetRef training = trainingDataset == null ? null : ModelLineage.parse(trainingDataset);
    Rows ok = permitted(rows);
    KMeansClustering.Result fit = KMeansClustering.upTo(maxK).fit(ok.features(), ok.x());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("k", (double) fit.k());
    metrics.put("silhouette", fit.silhouettes().get(fit.k()));
    metrics.put("rows", (double) ok.x().length);
    metrics.put("excluded_rows", (double) (rows.x().length - ok.x().length));
    List<Map<String, Object>> clusters = new ArrayList<>();
    for (ClusterSummary c : fit.summaries()) {
      clusters.add(Map.of("id", c.cluster(), "size", c.size(), "means", c.means()));
    }
    Map<String, Object> details = Map.of("k", fit.k(), "silhouette", fit.silhouettes().get(fit.k()),
        "clusters", clusters);
    return register(name, ModelArtifact.ofClusters(ok.features(), fit.model()), metrics, details, training, by);
  }

  /** A registered recommender and the top items for each permitted profile. */
  record Recommendations(ModelEntry model, Map<String, List<String>> top) {}

  /**
   * Trains item-item recommendations on the items of the permitted profiles, measures precision@k against a
   * popularity baseline on a held-out share of each profile's items, registers the model with both figures and
   * returns the top {@code n} items of every permitted profile from the model trained on all their items.
   */
  Recommendations trainRecommender(String name, Map<String, List<String>> items, int k, int n, double holdOut,
      long seed, String trainingDataset, String by) {
    if (!(holdOut > 0 && holdOut < 1) || k < 1 || n < 1) {
      throw new IllegalArgumentException("holdOut must be between 0 and 1, k and n at least 1");
    }
    DatasetRef training = trainingDataset == null ? null : ModelLineage.parse(trainingDataset);
    Map<String, java.util.Set<String>> all = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> known = new LinkedHashMap<>();
    Map<String, java.util.Set<String>> held = new LinkedHashMap<>();
    java.util.Random random = new java.util.Random(seed);
    items.forEach((profile, list) -> {
      if (list == null || !consent.permits(profile, Purpose.PROFILING)) {
        return;
      }
      List<String> shuffled = new ArrayList<>(new java.util.LinkedHashSet<>(list));
      all.put(profile, new java.util.HashSet<>(shuffled));
      java.util.Collections.shuffle(shuffled, random);
      int out = shuffled.size() < 2 ? 0 : Math.max(1, (int) Math.round(shuffled.size() * holdOut));
      known.put(profile, new java.util.HashSet<>(shuffled.subList(0, shuffled.size() - out)));
      held.put(profile, new java.util.HashSet<>(shuffled.subList(shuffled.size() - out, shuffled.size())));
    });
    ItemRecommender split = ItemRecommender.train(known);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("k", (double) k);
    metrics.put("precision_at_k", ItemRecommender.precisionAtK(known, held, k, split::recommend));
    metrics.put("popularity_precision_at_k", ItemRecommender.precisionAtK(known, held, k, split::popular));
    metrics.put("profiles", (double) all.size());
    metrics.put("excluded_profiles", (double) (items.size() - all.size()));
    ItemRecommender model = ItemRecommender.train(all);
    Map<String, List<String>> top = new LinkedHashMap<>();
    all.forEach((profile, have) -> top.put(profile, model.recommend(have, n)));
    metrics.put("items", (double) model.items());
    ModelEntry entry = register(name, RECOMMENDER, List.of(), "item-item", model.toBytes(), metrics,
        Map.of("k", k), training, by);
    loaded.put(key(entry), model);
    return new Recommendations(entry, top);
  }

  /**
   * Registers an uploaded ONNX model as the next version of {@code name}, after ONNX Runtime has loaded it and
   * scored a trial batch as declared.
   *
   * @throws IllegalArgumentException when the model cannot score as declared (with the reason)
   */
  ModelEntry registerOnnx(String name, byte[] onnx, String input, List<String> features, String output,
      Integer outputColumn, String trainingDataset, String by) {
    DatasetRef training = trainingDataset == null ? null : ModelLineage.parse(trainingDataset);
    OnnxModel model = OnnxModel.load(onnx, input, features, output, outputColumn);
    Map<String, Object> details = Map.of("input", model.spec().input(), "output", model.spec().output(),
        "outputColumn", model.spec().outputColumn(), "bytes", onnx.length);
    ModelEntry entry;
    try {
      entry = register(name, ONNX, model.features(), ONNX, model.toBytes(), Map.of("onnx_bytes",
          (double) onnx.length), details, training, by);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    loaded.put(key(entry), model);
    return entry;
  }

  /**
   * A propensity or lifetime-value version as one self-contained ONNX model (input {@code features}, output
   * {@code score}).
   *
   * @throws IllegalArgumentException when the version does not exist or is of another kind
   */
  byte[] exportOnnx(String name, int version) {
    ModelEntry entry = resolve(name, version);
    if (ONNX.equals(entry.kind()) || RECOMMENDER.equals(entry.kind())) {
      throw new IllegalArgumentException("only propensity and clv models export to ONNX; '" + name + "' is "
          + entry.kind());
    }
    return OnnxExport.export(tribuo(entry), "io.cairn.models." + name, version).onnx();
  }

  private ModelEntry register(String name, ModelArtifact artifact, Map<String, Double> metrics,
      Map<String, Object> details, DatasetRef training, String by) {
    ModelEntry entry = register(name, artifact.kind().id(), artifact.features(), "tribuo", artifact.toBytes(),
        metrics, details, training, by);
    loaded.put(key(entry), artifact.scorer());
    return entry;
  }

  private ModelEntry register(String name, String kind, List<String> features, String format, byte[] content,
      Map<String, Double> metrics, Map<String, Object> details, DatasetRef training, String by) {
    ModelEntry entry = models.register(name, kind, features, metrics, training == null ? null : training.toString(),
        by);
    try {
      models.storeArtifact(name, entry.version(), format, content, JSON.writeValueAsString(details));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("model details are not JSON", e);
    }
    lineage.trained(name, entry.version(), training, by);
    return entry;
  }

  private static String key(ModelEntry entry) {
    return entry.name() + "/" + entry.version();
  }

  /**
   * The version a step uses: the given one, else the production one, else the latest.
   *
   * @throws IllegalArgumentException when the model or version does not exist
   */
  ModelEntry resolve(String name, Integer version) {
    List<ModelEntry> versions = models.versions(name);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("no model '" + name + "' in the registry");
    }
    if (version != null) {
      return versions.stream().filter(v -> v.version() == version).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no version " + version + " of model '" + name + "'"));
    }
    return versions.stream().filter(v -> ModelEntry.PRODUCTION.equals(v.stage())).findFirst()
        .orElse(versions.getLast());
  }

  /**
   * The scorer of a version (a compiled Tribuo model, or an ONNX model), held for a running step until
   * {@link #release}: a version no step holds is dropped from memory after {@link #IDLE} and read again.
   *
   * @throws IllegalArgumentException when the version has no stored model or is a recommender
   */
  BatchScorer holdScorer(ModelEntry entry) {
    if (RECOMMENDER.equals(entry.kind())) {
      throw new IllegalArgumentException("'" + entry.name() + "' is a recommender: use cairn:step:recommend");
    }
    return loaded.hold(key(entry), () -> ONNX.equals(entry.kind()) ? OnnxModel.fromBytes(stored(entry))
        : tribuo(entry).scorer());
  }

  /**
   * The item-item recommender of a version, held for a running step until {@link #release}.
   *
   * @throws IllegalArgumentException when the version is not a recommender or has no stored model
   */
  ItemRecommender holdRecommender(ModelEntry entry) {
    if (!RECOMMENDER.equals(entry.kind())) {
      throw new IllegalArgumentException("'" + entry.name() + "' is a " + entry.kind() + " model, not a recommender");
    }
    return loaded.hold(key(entry), () -> ItemRecommender.fromBytes(stored(entry)));
  }

  /** Gives back a version {@link #holdScorer} or {@link #holdRecommender} returned. */
  void release(ModelEntry entry) {
    loaded.release(key(entry));
  }

  private ModelArtifact tribuo(ModelEntry entry) {
    return ModelArtifact.fromBytes(stored(entry));
  }

  private byte[] stored(ModelEntry entry) {
    return models.artifact(entry.name(), entry.version()).orElseThrow(() -> new IllegalArgumentException("version "
        + entry.version() + " of model '" + entry.name() + "' has no stored model (it was registered without one)"));
  }

  /** The evaluation details of a version as JSON text, if stored. */
  Optional<String> details(String name, int version) {
    return models.details(name, version);
  }
}
