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
import org.tribuo.classification.Label;
import org.tribuo.clustering.ClusterID;
import org.tribuo.impl.ArrayExample;

/**
 * A trained model as the registry keeps it: what it predicts, its feature names, the standardisation its
 * features need (if any) and the Tribuo model in Tribuo's protobuf form. Scoring a row gives a propensity's
 * probability of the outcome, or a clustering's cluster id. Immutable; {@link #score} is thread-safe (Tribuo
 * models predict concurrently).
 */
public final class ModelArtifact {
  private static final String MAGIC = "cairn-model/1";

  /** What a model predicts. */
  public enum Kind {
    /** Logistic regression: the probability of the outcome. */
    PROPENSITY,
    /** K-means: the id of the nearest cluster. */
    KMEANS;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final List<String> features;
  private final String[] names;
  private final Standardiser scaler;
  private final Model<?> model;

  private ModelArtifact(Kind kind, List<String> features, Standardiser scaler, Model<?> model) {
    this.kind = kind;
    this.features = List.copyOf(features);
    this.names = features.toArray(String[]::new);
    this.scaler = scaler;
    this.model = model;
  }

  public static ModelArtifact of(Propensity p) {
    return new ModelArtifact(Kind.PROPENSITY, p.features(), p.scaler(), p.model());
  }

  /** A K-means model that scales its own features (Tribuo's {@code TransformedModel}). */
  public static ModelArtifact ofClusters(List<String> features, Model<ClusterID> model) {
    return new ModelArtifact(Kind.KMEANS, features, null, model);
  }

  public Kind kind() {
    return kind;
  }

  public List<String> features() {
    return features;
  }

  /**
   * Scores rows of raw feature values, in {@link #features} order.
   *
   * @throws IllegalArgumentException when a row has the wrong width
   */
  public double[] score(double[][] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != names.length) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values for " + names.length
            + " features " + features);
      }
      out[i] = score(rows[i]);
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private double score(double[] row) {
    double[] x = scaler == null ? row : scaler.apply(row);
    return switch (kind) {
      case PROPENSITY -> {
        Example<Label> e = new ArrayExample<>(Propensity.NEGATIVE, names, x);
        Label l = ((Model<Label>) model).predict(e).getOutputScores().get(Propensity.POSITIVE.getLabel());
        yield l == null ? 0 : l.getScore();
      }
      case KMEANS -> {
        Example<ClusterID> e = new ArrayExample<>(org.tribuo.clustering.ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, x);
        yield ((Model<ClusterID>) model).predict(e).getOutput().getID();
      }
    };
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
      Model<? extends Output<?>> model = Model.deserializeFromStream(in);
      return new ModelArtifact(kind, features, scaler, model);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a readable Cairn model artifact: " + e.getMessage(), e);
    }
  }
}
