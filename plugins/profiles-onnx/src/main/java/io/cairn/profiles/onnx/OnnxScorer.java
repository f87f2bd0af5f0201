package io.cairn.profiles.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model loaded into ONNX Runtime, scoring batches of rows: one float tensor in, the first output (a
 * float matrix, e.g. class probabilities) out. Works for any such model, whether exported from Tribuo,
 * scikit-learn, TensorFlow or PyTorch. Thread-safe (ONNX Runtime sessions may be run concurrently); close
 * it to free native memory.
 */
public final class OnnxScorer implements AutoCloseable {
  private final OrtEnvironment env = OnnxModel.environment();
  private final OrtSession session;
  private final String input;

  /**
   * Loads a model.
   *
   * @throws IllegalArgumentException when ONNX Runtime cannot load the bytes as a model
   */
  public OnnxScorer(byte[] model) {
    try {
      session = env.createSession(model, new OrtSession.SessionOptions());
    } catch (OrtException e) {
      throw new IllegalArgumentException("not an ONNX model ONNX Runtime can load: " + e.getMessage(), e);
    }
    input = session.getInputNames().iterator().next();
  }

  /** The model's input and output names. */
  public List<String> names() {
    return List.of(input, session.getOutputNames().iterator().next());
  }

  /**
   * Scores rows.
   *
   * @throws IllegalStateException when ONNX Runtime fails, e.g. on rows of the wrong width
   */
  public float[][] run(float[][] rows) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, rows);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      return (float[][]) result.get(0).getValue();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not score " + rows.length + " rows: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
