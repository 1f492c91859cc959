package dev.jconv;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every generated {@code <Name>Model} offers: its layers, shapes, parameter counts and a
 * Keras-like summary.
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

  private List<String> layerNames() {
    return layers().stream().map(Layer::name).toList();
  }
}
