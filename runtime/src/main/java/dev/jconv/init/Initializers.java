package dev.jconv.init;

import dev.jconv.Layer;
import dev.jconv.Param;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keras's default initialisers: Glorot-uniform kernels, zero biases, BatchNormalization gamma 1,
 * beta 0, moving mean 0, moving variance 1.
 */
public final class Initializers {
  private Initializers() {}

  /** Fills every parameter of {@code layers} in {@code weights} with Keras's defaults. */
  public static void kerasDefaults(List<Layer> layers, float[] weights, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Layer layer : layers) {
      for (Param p : layer.params()) {
        switch (p.kind()) {
          case "kernel", "depthwise_kernel", "pointwise_kernel" ->
              glorotUniform(weights, p.offset(), p.shape(), random.split());
          case "gamma", "moving_variance" -> fill(weights, p, 1f);
          default -> fill(weights, p, 0f);
        }
      }
    }
  }

  /**
   * Glorot (Xavier) uniform: U(-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)), where for a
   * shape [..., in, out] the receptive field is the product of the leading axes, fanIn = receptive
   * * in and fanOut = receptive * out (Keras's rule).
   */
  public static void glorotUniform(float[] w, int offset, int[] shape, SplittableRandom random) {
    long receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    double fanIn = shape.length >= 2 ? receptive * shape[shape.length - 2] : shape[0];
    double fanOut = shape.length >= 2 ? receptive * shape[shape.length - 1] : shape[0];
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    long size =
        receptive
            * (shape.length >= 2
                ? (long) shape[shape.length - 2] * shape[shape.length - 1]
                : shape[0]);
    for (int i = 0; i < size; i++) {
      w[offset + i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
  }

  private static void fill(float[] w, Param p, float value) {
    java.util.Arrays.fill(w, p.offset(), p.offset() + (int) p.size(), value);
  }
}
