package dev.jconv.io;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a {@link Model}'s parameters as safetensors: one F32 tensor per {@link Param},
 * named {@code <field>.<kind>} with its Keras shape, so weights move to and from Keras and PyTorch
 * tooling.
 */
public final class ModelWeights {
  /** The {@code __metadata__} key that marks files written by jconv. */
  public static final String FORMAT_KEY = "format";

  /** The {@code __metadata__} key holding the network's name. */
  public static final String NETWORK_KEY = "network";

  private ModelWeights() {}

  /**
   * Writes every parameter of {@code model}, layer by layer in Keras's weight order, with metadata
   * {@code {"format": "jconv", "network": <name>}}; atomic, as {@link SafeTensors#write}.
   */
  public static void save(Model model, Path file) throws IOException {
    float[] weights = model.weights();
    List<Tensor> tensors = new ArrayList<>();
    for (Param p : expected(model).values()) {
      tensors.add(new Tensor(p.name(), p.shape(), weights, p.offset()));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(FORMAT_KEY, "jconv");
    metadata.put(NETWORK_KEY, model.name());
    SafeTensors.write(file, tensors, metadata);
  }

  /**
   * Replaces every parameter of {@code model} with the tensor of the same name in {@code file}
   * (F32, F16, BF16 or F64, converted to float). All or nothing: the file must hold exactly the
   * model's tensors with exactly its shapes, which is checked before anything changes, and the data
   * is read into a staging array first, so the model is unchanged after any failure (at the cost of
   * one temporary copy of the weights).
   *
   * @throws SafeTensorsException if the file is malformed or does not fit the model; the message
   *     lists wrong shapes, missing and unexpected tensors
   */
  public static void load(Model model, Path file) throws IOException {
    Map<String, Param> expected = expected(model);
    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      String problems = WeightsMismatch.describe(expected, reader, model.name());
      if (problems != null) {
        throw new SafeTensorsException(problems);
      }
      float[] weights = model.weights();
      float[] staged = new float[weights.length];
      for (TensorInfo t : reader.tensors()) {
        reader.readInto(t.name(), staged, expected.get(t.name()).offset());
      }
      for (Param p : expected.values()) {
        System.arraycopy(staged, p.offset(), weights, p.offset(), (int) p.size());
      }
    }
  }

  /** The model's parameters by name, in layer order, each checked to lie inside weights(). */
  private static Map<String, Param> expected(Model model) {
    int length = model.weights().length;
    Map<String, Param> params = new LinkedHashMap<>();
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        if (p.offset() < 0 || p.offset() + p.size() > length) {
          throw new IllegalStateException(
              model.name()
                  + ": parameter "
                  + p
                  + " at offset "
                  + p.offset()
                  + " lies outside the weight array of "
                  + length);
        }
        if (params.put(p.name(), p) != null) {
          throw new IllegalStateException(model.name() + ": two parameters named " + p.name());
        }
      }
    }
    return params;
  }
}
