package io.cairn.profiles.onnx;

import io.cairn.profiles.models.Propensity;
import io.cairn.profiles.models.Standardiser;
import java.util.ArrayList;
import java.util.List;

/**
 * A propensity model in ONNX with what feeding it needs: the standardisation, the order of the model's input
 * columns (Tribuo's feature ids) and the output column of the outcome. Immutable apart from the model bytes.
 *
 * @param onnx the ONNX model
 * @param features the raw feature order rows come in
 * @param inputs the feature order of the model's input tensor
 * @param positive the column of the outcome's probability in the model's output
 * @param scaler the standardisation applied before the model
 */
public record OnnxPropensity(byte[] onnx, List<String> features, List<String> inputs, int positive,
    Standardiser scaler) {

  /** Exports a Tribuo propensity model (domain {@code io.cairn.profiles}, the given model version). */
  public static OnnxPropensity export(Propensity p, long version) {
    var featureMap = p.model().getFeatureIDMap();
    List<String> inputs = new ArrayList<>();
    for (int id = 0; id < featureMap.size(); id++) {
      inputs.add(featureMap.get(id).getName());
    }
    int positive = p.model().getOutputIDInfo().getID(Propensity.POSITIVE);
    byte[] onnx = p.model().exportONNXModel("io.cairn.profiles", version).toByteArray();
    return new OnnxPropensity(onnx, p.features(), List.copyOf(inputs), positive, p.scaler());
  }

  /** The probability of the outcome for every row of raw features, scored by ONNX Runtime. */
  public double[] score(OnnxScorer scorer, double[][] rows) {
    float[][] in = new float[rows.length][inputs.size()];
    int[] column = inputs.stream().mapToInt(features::indexOf).toArray();
    for (int i = 0; i < rows.length; i++) {
      double[] scaled = scaler.apply(rows[i]);
      for (int c = 0; c < column.length; c++) {
        in[i][c] = (float) scaled[column[c]];
      }
    }
    float[][] out = scorer.run(in);
    double[] p = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      p[i] = out[i][positive];
    }
    return p;
  }
}
