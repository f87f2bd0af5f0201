package io.cairn.profiles.onnx;

import io.cairn.profiles.models.ModelArtifact;
import io.cairn.profiles.models.Standardiser;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Exports a registered linear model (propensity or lifetime value) to one self-contained ONNX model: raw
 * features in the registry's column order go in ({@code features}, {@code [rows, n]}), the standardisation,
 * the reordering to Tribuo's feature ids and Tribuo's own graph (Gemm, then Softmax for a propensity) run
 * inside, and the score comes out ({@code score}, {@code [rows, 1]}: the outcome's probability, or the value
 * in the target's units). So the ONNX model needs nothing from Cairn to score like the Tribuo model.
 */
public final class OnnxExport {
  /** The input and output names of an exported model. */
  public static final String INPUT = "features";
  public static final String OUTPUT = "score";

  private OnnxExport() {}

  /**
   * The exported model and how to feed it.
   *
   * @throws IllegalArgumentException when the artifact is not a linear model
   */
  public static Exported export(ModelArtifact artifact, String domain, long version) {
    if (artifact.kind() != ModelArtifact.Kind.PROPENSITY && artifact.kind() != ModelArtifact.Kind.CLV) {
      throw new IllegalArgumentException("only propensity and clv models export to ONNX, not " + artifact.kind().id());
    }
    List<String> features = artifact.features();
    Standardiser scaler = artifact.scaler();
    var model = (org.tribuo.common.sgd.AbstractLinearSGDModel<?>) artifact.model();
    ONNXContext onnx = new ONNXContext();
    onnx.setName("cairn-" + artifact.kind().id());
    ONNXPlaceholder input = onnx.floatInput(INPUT, features.size());
    ONNXPlaceholder output = onnx.floatOutput(OUTPUT, 1);
    float[] means = new float[features.size()];
    float[] deviations = new float[features.size()];
    for (int f = 0; f < means.length; f++) {
      means[f] = (float) scaler.means()[f];
      deviations[f] = (float) scaler.deviations()[f];
    }
    ImmutableFeatureMap ids = model.getFeatureIDMap();
    long[] order = new long[ids.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = features.indexOf(ids.get(j).getName());
    }
    ONNXNode scaled = input.apply(ONNXOperators.SUB, onnx.array("means", means))
        .apply(ONNXOperators.DIV, onnx.array("deviations", deviations))
        .apply(ONNXOperators.GATHER, onnx.array("tribuo_order", order), Map.of("axis", 1));
    ONNXNode raw = model.writeONNXGraph(scaled);
    ONNXNode score;
    if (artifact.kind() == ModelArtifact.Kind.PROPENSITY) {
      int positive = ((LinearSGDModel) model).getOutputIDInfo().getID(io.cairn.profiles.models.Propensity.POSITIVE);
      score = raw.apply(ONNXOperators.GATHER, onnx.array("positive", new long[] {positive}), Map.of("axis", 1));
    } else {
      score = raw.apply(ONNXOperators.MUL, onnx.constant("target_sd", (float) artifact.targetSd()))
          .apply(ONNXOperators.ADD, onnx.constant("target_mean", (float) artifact.targetMean()));
    }
    score.assignTo(output);
    byte[] bytes = ONNXExportable.buildModel(onnx, domain, version, model).toByteArray();
    return new Exported(bytes, new OnnxModel.Spec(INPUT, features, OUTPUT, 0));
  }

  /** An exported model's bytes and its spec. */
  public record Exported(byte[] onnx, OnnxModel.Spec spec) {}
}
