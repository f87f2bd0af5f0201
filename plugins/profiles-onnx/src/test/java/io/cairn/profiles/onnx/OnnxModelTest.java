package io.cairn.profiles.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import io.cairn.profiles.models.LifetimeValue;
import io.cairn.profiles.models.ModelArtifact;
import io.cairn.profiles.models.Propensity;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Any ONNX model scores batches: a self-contained export of a Tribuo model scores like Tribuo, a foreign MLP
 * (built here with Tribuo's ONNX helpers, not its exporter) gives the outputs worked out by hand, and models
 * that cannot score as declared are refused with a reason.
 */
class OnnxModelTest {
  private static final List<String> FEATURES = OnnxPropensityTest.FEATURES;

  private static double[][] rows(int n, Random r) {
    return OnnxPropensityTest.rows(n, r);
  }

  private static double[] flat(double[][] x) {
    return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
  }

  @Test
  void exportedTribuoModelsScoreLikeTribuo() {
    Random r = new Random(3);
    double[][] x = rows(2000, r);
    boolean[] y = new boolean[x.length];
    double[] value = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double logit = -0.01 * (x[i][0] - 180) + 0.4 * (x[i][1] - 4) + 0.004 * (x[i][2] - 200);
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit));
      value[i] = 100 + 20 * x[i][1] + 0.5 * x[i][2] + 5 * r.nextGaussian();
    }
    ModelArtifact propensity = ModelArtifact.of(Propensity.train(FEATURES, x, y, 0.25, 5));
    ModelArtifact clv = ModelArtifact.of(LifetimeValue.train(FEATURES, x, value, 0.25, 5));
    double[][] fresh = rows(500, new Random(9));
    for (ModelArtifact a : List.of(propensity, clv)) {
      OnnxExport.Exported e = OnnxExport.export(a, "io.cairn.test", 1);
      try (OnnxModel onnx = OnnxModel.fromBytes(OnnxModel.load(e.onnx(), null, FEATURES, null, null).toBytes())) {
        assertThat(onnx.spec()).isEqualTo(e.spec());
        double[] got = new double[fresh.length];
        onnx.score(flat(fresh), fresh.length, got);
        double[] want = a.score(fresh);
        for (int i = 0; i < fresh.length; i++) {
          assertThat(got[i]).as(a.kind() + " row " + i).isCloseTo(want[i], within(1e-5 * Math.max(1, Math.abs(want[i]))));
        }
      }
    }
    assertThatThrownBy(() -> OnnxExport.export(ModelArtifact.ofClusters(FEATURES, null), "d", 1))
        .hasMessageContaining("only propensity and clv");
  }

  /** x[n,2] -> Gemm(W1, b1) -> Sigmoid -> Gemm(W2, b2) -> Sigmoid -> y[n,2]. */
  static byte[] mlp(int inputWidth, boolean fixedBatch) {
    ONNXContext onnx = new ONNXContext();
    onnx.setName("foreign-mlp");
    ONNXPlaceholder x = onnx.floatInput("x", inputWidth);
    ONNXPlaceholder y = onnx.floatOutput("y", 2);
    ONNXInitializer w1 = onnx.floatTensor("w1", List.of(2, 2), fb -> fb.put(new float[] {1, -1, 2, 0.5f}));
    ONNXInitializer b1 = onnx.floatTensor("b1", List.of(2), fb -> fb.put(new float[] {0, -1}));
    ONNXInitializer w2 = onnx.floatTensor("w2", List.of(2, 2), fb -> fb.put(new float[] {1, 3, -2, 1}));
    ONNXInitializer b2 = onnx.floatTensor("b2", List.of(2), fb -> fb.put(new float[] {0.5f, -2}));
    x.apply(ONNXOperators.GEMM, List.of(w1, b1)).apply(ONNXOperators.SIGMOID)
        .apply(ONNXOperators.GEMM, List.of(w2, b2)).apply(ONNXOperators.SIGMOID).assignTo(y);
    OnnxMl.GraphProto graph = onnx.buildGraph();
    if (fixedBatch) {
      OnnxMl.GraphProto.Builder g = graph.toBuilder();
      g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).setDimValue(4);
      graph = g.build();
    }
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).addOpsetImport(ONNXOperators.getOpsetProto())
        .setProducerName("a test, not Tribuo's exporter").setGraph(graph).build().toByteArray();
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  @Test
  void aForeignModelGivesItsKnownOutputsInOneBatch() {
    try (OnnxModel m = OnnxModel.load(mlp(2, false), "x", List.of("a", "b"), "y", 1)) {
      double[][] in = {{0, 0}, {1, 2}, {-3, 0.5}};
      double[] out = new double[in.length];
      m.score(flat(in), in.length, out);
      for (int i = 0; i < in.length; i++) {
        double h0 = sigmoid(in[i][0] * 1 + in[i][1] * 2 + 0);
        double h1 = sigmoid(in[i][0] * -1 + in[i][1] * 0.5 - 1);
        double want = sigmoid(h0 * 3 + h1 * 1 - 2);
        assertThat(out[i]).as("row " + i).isCloseTo(want, within(1e-6));
      }
      assertThat(out[0]).isCloseTo(sigmoid(3 * 0.5 + sigmoid(-1) - 2), within(1e-6));
    }
  }

  /** y = Sigmoid(x) on double tensors [rows, 2], as scikit-learn exports with DoubleTensorType. */
  private static byte[] doubleSigmoid() {
    OnnxMl.TypeProto type = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
        .setElemType(OnnxMl.TensorProto.DataType.DOUBLE.getNumber()).setShape(OnnxMl.TensorShapeProto.newBuilder()
            .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("rows"))
            .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(2)))).build();
    OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("double-sigmoid")
        .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(type))
        .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(type))
        .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Sigmoid").addInput("x").addOutput("y")).build();
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).addOpsetImport(ONNXOperators.getOpsetProto())
        .setGraph(graph).build().toByteArray();
  }

  @Test
  void aDoubleModelScoresInDoublePrecision() {
    try (OnnxModel m = OnnxModel.load(doubleSigmoid(), null, List.of("a", "b"), null, 1)) {
      double[] out = new double[2];
      m.score(new double[] {0, 0.123456789012, 5, -2.5}, 2, out);
      assertThat(out[0]).isCloseTo(sigmoid(0.123456789012), within(1e-15));
      assertThat(out[1]).isCloseTo(sigmoid(-2.5), within(1e-15));
    }
  }

  @Test
  void modelsThatCannotScoreAsDeclaredAreRefused() {
    assertThatThrownBy(() -> OnnxModel.load(new byte[] {1, 2, 3}, null, List.of("a"), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an ONNX model");
    byte[] mlp = mlp(2, false);
    assertThatThrownBy(() -> OnnxModel.load(mlp, "x", List.of("a", "b", "c"), "y", 0))
        .hasMessageContaining("takes 2 features per row, not the 3");
    assertThatThrownBy(() -> OnnxModel.load(mlp, "nope", List.of("a", "b"), "y", 0))
        .hasMessageContaining("no input 'nope'");
    assertThatThrownBy(() -> OnnxModel.load(mlp, "x", List.of("a", "b"), "y", 2))
        .hasMessageContaining("outputColumn 2");
    assertThatThrownBy(() -> OnnxModel.load(mlp(2, true), "x", List.of("a", "b"), "y", 0))
        .hasMessageContaining("fixed batch size of 4");
    assertThatThrownBy(() -> OnnxModel.load(mlp, "x", List.of("a", "a"), "y", 0))
        .hasMessageContaining("each once");
    // the declared width is 3 while the weights take 2: ONNX Runtime fails at load or on the trial batch
    assertThatThrownBy(() -> OnnxModel.load(mlp(3, false), "x", List.of("a", "b", "c"), "y", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
