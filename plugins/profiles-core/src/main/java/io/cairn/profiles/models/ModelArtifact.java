package io.cairn.profiles.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.clustering.ClusterID;
import org.tribuo.impl.ArrayExample;

/**
 * A trained model as the registry keeps it: what it predicts, its feature names, the standardisation its
 * features need (if any), a lifetime value's target scaling, and the Tribuo model in Tribuo's protobuf form.
 * Scoring a row gives a propensity's probability of the outcome, a lifetime value in the target's units, or a
 * clustering's cluster id. The linear models score through a {@link LinearScorer} compiled once. Immutable
 * and thread-safe (Tribuo models predict concurrently).
 */
public final class ModelArtifact {
  private static final String MAGIC = "cairn-model/1";

  /** What a model predicts. */
  public enum Kind {
    /** Logistic regression: the probability of the outcome. */
    PROPENSITY,
    /** K-means: the id of the nearest cluster. */
    KMEANS,
    /** Linear regression: the customer lifetime value. */
    CLV;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final List<String> features;
  private final String[] names;
  private final Standardiser scaler;
  private final Model<?> model;
  private final double targetMean;
  private final double targetSd;
  private final BatchScorer scorer;

  private ModelArtifact(Kind kind, List<String> features, Standardiser scaler, Model<?> model, double targetMean,
      double targetSd) {
    this.kind = kind;
    this.features = List.copyOf(features);
    this.names = features.toArray(String[]::new);
    this.scaler = scaler;
    this.model = model;
    this.targetMean = targetMean;
    this.targetSd = targetSd;
    this.scorer = switch (kind) {
      case PROPENSITY -> LinearScorer.probability(features, scaler,
          (org.tribuo.classification.sgd.linear.LinearSGDModel) model);
      case CLV -> LinearScorer.value(features, scaler, (org.tribuo.regression.sgd.linear.LinearSGDModel) model,
          targetMean, targetSd);
      case KMEANS -> new BatchScorer() {
        @Override
        public List<String> features() {
          return ModelArtifact.this.features;
        }

        @Override
        public void score(double[] x, int rows, double[] out) {
          BatchScorer.checkShape(this, x, rows, out);
          for (int r = 0; r < rows; r++) {
            out[r] = cluster(java.util.Arrays.copyOfRange(x, r * names.length, (r + 1) * names.length));
          }
        }
      };
    };
  }

  public static ModelArtifact of(Propensity p) {
    return new ModelArtifact(Kind.PROPENSITY, p.features(), p.scaler(), p.model(), 0, 1);
  }

  public static ModelArtifact of(LifetimeValue v) {
    return new ModelArtifact(Kind.CLV, v.features(), v.scaler(), v.model(), v.targetMean(), v.targetSd());
  }

  /** A K-means model that scales its own features (Tribuo's {@code TransformedModel}). */
  public static ModelArtifact ofClusters(List<String> features, Model<ClusterID> model) {
    return new ModelArtifact(Kind.KMEANS, features, null, model, 0, 1);
  }

  public Kind kind() {
    return kind;
  }

  public List<String> features() {
    return features;
  }

  /** The batch scorer of this model (compiled for the linear kinds). */
  public BatchScorer scorer() {
    return scorer;
  }

  /** The Tribuo model (on standardised features for the linear kinds). */
  public Model<?> model() {
    return model;
  }

  /** The standardisation applied before the model, or null (K-means scales inside its model). */
  public Standardiser scaler() {
    return scaler;
  }

  /** A lifetime value is {@code targetMean + targetSd * model output}; 0 and 1 for the other kinds. */
  public double targetMean() {
    return targetMean;
  }

  /** See {@link #targetMean}. */
  public double targetSd() {
    return targetSd;
  }

  /**
   * Scores rows of raw feature values, in {@link #features} order.
   *
   * @throws IllegalArgumentException when a row has the wrong width
   */
  public double[] score(double[][] rows) {
    double[] x = new double[rows.length * names.length];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != names.length) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values for " + names.length
            + " features " + features);
      }
      System.arraycopy(rows[i], 0, x, i * names.length, names.length);
    }
    double[] out = new double[rows.length];
    scorer.score(x, rows.length, out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private double cluster(double[] row) {
    Example<ClusterID> e = new ArrayExample<>(org.tribuo.clustering.ClusteringFactory.UNASSIGNED_CLUSTER_ID, names,
        row);
    return ((Model<ClusterID>) model).predict(e).getOutput().getID();
  }

  /** The artifact as bytes: a header with kind, features and scaler, then the Tribuo model's protobuf. */
  public byte[] toBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeUTF(kind.name());
      out.writeInt(features.size());
      for (String f : features) {
        out.writeUTF(f);
      }
      out.writeBoolean(scaler != null);
      if (scaler != null) {
        for (int i = 0; i < features.size(); i++) {
          out.writeDouble(scaler.means()[i]);
          out.writeDouble(scaler.deviations()[i]);
        }
      }
      if (kind == Kind.CLV) {
        out.writeDouble(targetMean);
        out.writeDouble(targetSd);
      }
      out.flush();
      model.serializeToStream(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an artifact written by {@link #toBytes}.
   *
   * @throws IllegalArgumentException when the bytes are not a Cairn model artifact
   */
  public static ModelArtifact fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IllegalArgumentException("not a Cairn model artifact");
      }
      Kind kind = Kind.valueOf(in.readUTF());
      int n = in.readInt();
      List<String> features = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        features.add(in.readUTF());
      }
      Standardiser scaler = null;
      if (in.readBoolean()) {
        double[] means = new double[n];
        double[] devs = new double[n];
        for (int i = 0; i < n; i++) {
          means[i] = in.readDouble();
          devs[i] = in.readDouble();
        }
        scaler = new Standardiser(means, devs);
      }
      double mean = kind == Kind.CLV ? in.readDouble() : 0;
      double sd = kind == Kind.CLV ? in.readDouble() : 1;
      Model<? extends Output<?>> model = Model.deserializeFromStream(in);
      return new ModelArtifact(kind, features, scaler, model, mean, sd);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a readable Cairn model artifact: " + e.getMessage(), e);
    }
  }
}
