package io.cairn.profiles.segments;

import java.lang.reflect.Constructor;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.Transformer;
import org.tribuo.transform.TransformerMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Standardisation for K-means without a second copy of the data: the rows are standardised here (mean 0,
 * sample standard deviation 1, as Tribuo's {@link MeanStdDevTransformation} fits them) and K-means is trained
 * on those, and the result is Tribuo's own {@link TransformedModel} with {@code MeanStdDevTransformer}s of the
 * same figures, exactly what {@link TransformTrainer} builds, so it scales raw rows itself and serialises as
 * usual. Tribuo makes these objects only inside {@code TransformTrainer}, which copies the whole dataset
 * through the transformers; their package-private constructors are called here instead (checked once, at
 * class loading). Constant columns keep deviation 1.
 */
final class StandardisedClusters {
  private static final Constructor<?> TRANSFORMER;
  private static final Constructor<?> MODEL;

  static {
    try {
      TRANSFORMER = Class.forName(MeanStdDevTransformation.class.getName() + "$MeanStdDevTransformer")
          .getDeclaredConstructor(double.class, double.class, double.class, double.class);
      TRANSFORMER.setAccessible(true);
      MODEL = TransformedModel.class.getDeclaredConstructor(ModelProvenance.class, Model.class, TransformerMap.class,
          boolean.class);
      MODEL.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError("this Tribuo has no MeanStdDevTransformer or TransformedModel"
          + " constructor of 4.3: " + e);
    }
  }

  final double[] means;
  final double[] deviations;

  private StandardisedClusters(double[] means, double[] deviations) {
    this.means = means;
    this.deviations = deviations;
  }

  /** The columns' means and sample standard deviations (Welford's method). */
  static StandardisedClusters fit(double[][] rows, int width) {
    double[] mean = new double[width];
    double[] m2 = new double[width];
    long n = 0;
    for (double[] row : rows) {
      n++;
      for (int f = 0; f < width; f++) {
        double delta = row[f] - mean[f];
        mean[f] += delta / n;
        m2[f] += delta * (row[f] - mean[f]);
      }
    }
    double[] sd = new double[width];
    for (int f = 0; f < width; f++) {
      double s = n > 1 ? Math.sqrt(m2[f] / (n - 1)) : 0;
      sd[f] = s == 0 || Double.isNaN(s) ? 1 : s;
    }
    return new StandardisedClusters(mean, sd);
  }

  /** The rows standardised, as the model's transformers do it: {@code ((v - mean) / sd) * 1 + 0}. */
  double[][] scale(double[][] rows) {
    double[][] out = new double[rows.length][means.length];
    for (int i = 0; i < rows.length; i++) {
      double[] row = rows[i];
      double[] o = out[i];
      for (int f = 0; f < means.length; f++) {
        o[f] = ((row[f] - means[f]) / deviations[f]) * 1.0 + 0.0;
      }
    }
    return out;
  }

  /** Tribuo's model that standardises raw rows and then applies {@code inner}, trained on {@code scaled}. */
  @SuppressWarnings("unchecked")
  TransformedModel<ClusterID> wrap(String[] names, Model<ClusterID> inner, KMeansTrainer trainer,
      MutableDataset<ClusterID> scaled) {
    TransformationMap transformations = new TransformationMap(List.of(new MeanStdDevTransformation()));
    try {
      Map<String, List<Transformer>> byFeature = new HashMap<>();
      for (int f = 0; f < names.length; f++) {
        byFeature.put(names[f], List.of((Transformer) TRANSFORMER.newInstance(means[f], deviations[f], 0.0, 1.0)));
      }
      TransformerMap map = new TransformerMap(byFeature, scaled.getProvenance(), transformations.getProvenance());
      ModelProvenance provenance = new ModelProvenance(TransformedModel.class.getName(), OffsetDateTime.now(),
          scaled.getProvenance(), new TransformTrainer<>(trainer, transformations).getProvenance());
      return (TransformedModel<ClusterID>) MODEL.newInstance(provenance, inner, map, false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not build Tribuo's standardising model", e);
    }
  }
}
