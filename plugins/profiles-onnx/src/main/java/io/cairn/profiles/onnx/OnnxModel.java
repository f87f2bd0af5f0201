package io.cairn.profiles.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.cairn.profiles.models.BatchScorer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any ONNX model (from Tribuo's exporter, scikit-learn, TensorFlow, PyTorch, ...) as a {@link BatchScorer}: the
 * features of each row go into one float (or double) input tensor {@code [rows, features]} in the declared order,
 * and the score of a row is one column of a float (or double) output tensor ({@code [rows, columns]} or
 * {@code [rows]}). A batch is
 * one {@code OrtSession.run}. Loading checks the model against the declaration and runs it once, so a model
 * that cannot score is refused when it is registered, not when a flow runs. Thread-safe (ONNX Runtime sessions
 * may run concurrently); close it to free native memory. ONNX Runtime's telemetry is switched off.
 */
public final class OnnxModel implements BatchScorer, AutoCloseable {
  private static final String MAGIC = "cairn-onnx/1";

  /**
   * How to feed a model and read its score.
   *
   * @param input the input tensor's name
   * @param features the columns that fill the input, in its order
   * @param output the output tensor's name
   * @param outputColumn the column of the output that is the score (0 for a one-column or 1-D output)
   */
  public record Spec(String input, List<String> features, String output, int outputColumn) {
    public Spec {
      features = List.copyOf(features);
    }
  }

  private final byte[] onnx;
  private final Spec spec;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final boolean doubleInput;

  private OnnxModel(byte[] onnx, Spec spec, OrtEnvironment env, OrtSession session) throws OrtException {
    this.onnx = onnx;
    this.spec = spec;
    this.env = env;
    this.session = session;
    this.doubleInput = ((TensorInfo) session.getInputInfo().get(spec.input()).getInfo()).type == OnnxJavaType.DOUBLE;
  }

  /** The ONNX Runtime environment, with telemetry off (as {@code ORT_DISABLE_TELEMETRY=1} would). */
  static OrtEnvironment environment() {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      env.setTelemetry(false);
    } catch (OrtException e) {
      throw new IllegalStateException("could not switch ONNX Runtime telemetry off: " + e.getMessage(), e);
    }
    return env;
  }

  /**
   * Loads and checks a model.
   *
   * @param input the input name, or null when the model has exactly one input
   * @param output the output name, or null when the model has exactly one output
   * @param outputColumn the output column of the score, or null for 0
   * @throws IllegalArgumentException when ONNX Runtime cannot load the bytes, a name is unknown, the input is not
   *     a float or double matrix of {@code features.size()} columns with a free batch dimension, the output is not
   *     a float or double tensor with that column, or a trial run fails
   */
  public static OnnxModel load(byte[] onnx, String input, List<String> features, String output,
      Integer outputColumn) {
    if (onnx == null || onnx.length == 0) {
      throw new IllegalArgumentException("send the ONNX model's bytes");
    }
    if (features == null || features.isEmpty() || new HashSet<>(features).size() != features.size()) {
      throw new IllegalArgumentException("name the model's input features, each once, in the input's order");
    }
    OrtEnvironment env = environment();
    OrtSession session;
    try {
      session = env.createSession(onnx, new OrtSession.SessionOptions());
    } catch (OrtException | RuntimeException e) {
      throw new IllegalArgumentException("not an ONNX model ONNX Runtime can load: " + e.getMessage(), e);
    }
    try {
      Spec spec = check(session, input, features, output, outputColumn == null ? 0 : outputColumn);
      OnnxModel model = new OnnxModel(onnx.clone(), spec, env, session);
      model.trial();
      return model;
    } catch (OrtException | RuntimeException e) {
      close(session);
      throw e instanceof IllegalArgumentException iae ? iae
          : new IllegalArgumentException("ONNX Runtime could not read the model: " + e.getMessage(), e);
    }
  }

  private static Spec check(OrtSession session, String input, List<String> features, String output, int column)
      throws OrtException {
    String in = name("input", input, session.getInputInfo());
    String out = name("output", output, session.getOutputInfo());
    TensorInfo inInfo = tensor("input", in, session.getInputInfo().get(in));
    long[] shape = inInfo.getShape();
    if (shape.length != 2) {
      throw new IllegalArgumentException("input '" + in + "' must be a matrix [rows, features], not of shape "
          + java.util.Arrays.toString(shape));
    }
    if (shape[0] > 0) {
      throw new IllegalArgumentException("input '" + in + "' has a fixed batch size of " + shape[0]
          + ": Cairn scores batches, so export the model with a free first dimension");
    }
    if (shape[1] > 0 && shape[1] != features.size()) {
      throw new IllegalArgumentException("input '" + in + "' takes " + shape[1] + " features per row, not the "
          + features.size() + " named " + features);
    }
    long[] outShape = tensor("output", out, session.getOutputInfo().get(out)).getShape();
    if (outShape.length < 1 || outShape.length > 2) {
      throw new IllegalArgumentException("output '" + out + "' must be [rows] or [rows, columns], not of shape "
          + java.util.Arrays.toString(outShape));
    }
    long width = outShape.length == 1 ? 1 : outShape[1];
    if (column < 0 || (width > 0 && column >= width)) {
      throw new IllegalArgumentException("output '" + out + "' has " + width + " column(s): outputColumn "
          + column + " is not one of them");
    }
    return new Spec(in, features, out, column);
  }

  private static String name(String what, String given, Map<String, NodeInfo> nodes) {
    if (given == null || given.isBlank()) {
      if (nodes.size() != 1) {
        throw new IllegalArgumentException("the model has the " + what + "s " + nodes.keySet() + ": name the "
            + what + " to use");
      }
      return nodes.keySet().iterator().next();
    }
    if (!nodes.containsKey(given)) {
      throw new IllegalArgumentException("the model has no " + what + " '" + given + "'; its " + what + "s are "
          + nodes.keySet());
    }
    return given;
  }

  private static TensorInfo tensor(String what, String name, NodeInfo node) {
    if (!(node.getInfo() instanceof TensorInfo t) || !(t.type == OnnxJavaType.FLOAT
        || t.type == OnnxJavaType.DOUBLE)) {
      throw new IllegalArgumentException(what + " '" + name + "' must be a float or double tensor, not "
          + node.getInfo());
    }
    return t;
  }

  /** Scores two rows of zeros, so a model that cannot run is refused at once. */
  private void trial() {
    double[] out = new double[2];
    try {
      score(new double[2 * spec.features().size()], 2, out);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public Spec spec() {
    return spec;
  }

  /** The ONNX model's bytes. */
  public byte[] onnx() {
    return onnx.clone();
  }

  @Override
  public List<String> features() {
    return spec.features();
  }

  /**
   * {@inheritDoc} One {@code OrtSession.run} for all the rows, in the precision of the model's input.
   *
   * @throws IllegalStateException when ONNX Runtime fails or the output has another shape than declared
   */
  @Override
  public void score(double[] x, int rows, double[] out) {
    BatchScorer.checkShape(this, x, rows, out);
    if (rows == 0) {
      return;
    }
    int width = spec.features().size();
    try (OnnxTensor tensor = input(x, rows, width);
        OrtSession.Result result = session.run(Map.of(spec.input(), tensor), Set.of(spec.output()))) {
      if (!(result.get(0) instanceof OnnxTensor t)
          || !(t.getInfo().type == OnnxJavaType.FLOAT || t.getInfo().type == OnnxJavaType.DOUBLE)) {
        throw new IllegalStateException("output '" + spec.output() + "' is not a float or double tensor");
      }
      long[] shape = t.getInfo().getShape();
      long columns = shape.length == 1 ? 1 : shape[1];
      if (shape[0] != rows || spec.outputColumn() >= columns) {
        throw new IllegalStateException("output '" + spec.output() + "' has shape "
            + java.util.Arrays.toString(shape) + " for " + rows + " rows; column " + spec.outputColumn()
            + " was declared");
      }
      if (t.getInfo().type == OnnxJavaType.DOUBLE) {
        DoubleBuffer scores = t.getDoubleBuffer();
        for (int r = 0; r < rows; r++) {
          out[r] = scores.get((int) (r * columns + spec.outputColumn()));
        }
      } else {
        FloatBuffer scores = t.getFloatBuffer();
        for (int r = 0; r < rows; r++) {
          out[r] = scores.get((int) (r * columns + spec.outputColumn()));
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not score " + rows + " rows: " + e.getMessage(), e);
    }
  }

  /** The rows as the model's input tensor, float or double as it takes. */
  private OnnxTensor input(double[] x, int rows, int width) throws OrtException {
    long[] shape = {rows, width};
    if (doubleInput) {
      DoubleBuffer in = ByteBuffer.allocateDirect(rows * width * Double.BYTES).order(ByteOrder.nativeOrder())
          .asDoubleBuffer();
      in.put(0, x, 0, rows * width);
      return OnnxTensor.createTensor(env, in, shape);
    }
    FloatBuffer in = ByteBuffer.allocateDirect(rows * width * Float.BYTES).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    for (int i = 0; i < rows * width; i++) {
      in.put(i, (float) x[i]);
    }
    return OnnxTensor.createTensor(env, in, shape);
  }

  /** The model and its spec as bytes, for the registry. */
  public byte[] toBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(MAGIC);
      out.writeUTF(spec.input());
      out.writeInt(spec.features().size());
      for (String f : spec.features()) {
        out.writeUTF(f);
      }
      out.writeUTF(spec.output());
      out.writeInt(spec.outputColumn());
      out.writeInt(onnx.length);
      out.write(onnx);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads a model written by {@link #toBytes}.
   *
   * @throws IllegalArgumentException when the bytes are not such a model or it no longer loads
   */
  public static OnnxModel fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IllegalArgumentException("not a Cairn ONNX model");
      }
      String input = in.readUTF();
      int n = in.readInt();
      List<String> features = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        features.add(in.readUTF());
      }
      String output = in.readUTF();
      int column = in.readInt();
      byte[] onnx = in.readNBytes(in.readInt());
      return load(onnx, input, features, output, column);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable Cairn ONNX model: " + e.getMessage(), e);
    }
  }

  private static void close(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // the session failed its checks; nothing else holds it
    }
  }

  @Override
  public void close() {
    close(session);
  }
}
