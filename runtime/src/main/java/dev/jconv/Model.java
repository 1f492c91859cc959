package dev.jconv;

import dev.jconv.io.ModelWeights;
import dev.jconv.io.SafeTensorsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every generated {@code <Name>Model} offers: its layers, shapes, parameter counts, a
 * Keras-like summary, and saving and loading its weights.
 */
public interface Model {
  /** The network's name: the simple name of the {@code @Network} class. */
  String name();

  /** The input shape without the batch axis. */
  int[] inputShape();

  /** The output shape without the batch axis (the last layer's). */
  int[] outputShape();

  /** The layers in declaration order. */
  List<Layer> layers();

  /**
   * All parameters in one flat array (live, not a copy): each {@link Param} occupies {@code
   * [offset, offset + size)} in Keras's layout, row-major.
   */
  float[] weights();

  /** The layer whose field is called {@code name}. */
  default Layer layer(String name) {
    for (Layer layer : layers()) {
      if (layer.name().equals(name)) {
        return layer;
      }
    }
    throw new NoSuchElementException(
        "no layer '" + name + "' in " + name() + "; layers: " + layerNames());
  }

  /** All parameters, as Keras's "Total params". */
  default long paramCount() {
    long n = 0;
    for (Layer layer : layers()) {
      n += layer.paramCount();
    }
    return n;
  }

  /** Parameters the optimizer updates (frozen layers and moving statistics excluded). */
  default long trainableParamCount() {
    long n = 0;
    for (Layer layer : layers()) {
      n += layer.trainableParamCount();
    }
    return n;
  }

  /** Parameters the optimizer leaves alone. */
  default long nonTrainableParamCount() {
    return paramCount() - trainableParamCount();
  }

  /** The Keras-like summary table. */
  default String summary() {
    return Summary.format(name(), inputShape(), layers());
  }

  /**
   * Writes every parameter to {@code file} in the safetensors format, named {@code <field>.<kind>}
   * with Keras's shapes, plus metadata {@code {"format": "jconv", "network": name()}}. Atomic: a
   * crash or error never leaves a partial file at {@code file}.
   */
  default void save(Path file) throws IOException {
    ModelWeights.save(this, file);
  }

  /**
   * Replaces every parameter with the tensor of the same name in the safetensors {@code file} (F32,
   * F16, BF16 or F64). All or nothing: the file must hold exactly this model's tensors with exactly
   * its shapes, and after any failure the model is unchanged.
   *
   * @throws SafeTensorsException if the file is malformed or does not fit; the message names each
   *     wrong shape (expected and found), each missing and each unexpected tensor
   */
  default void load(Path file) throws IOException {
    ModelWeights.load(this, file);
  }

  private List<String> layerNames() {
    return layers().stream().map(Layer::name).toList();
  }
}
