package dev.jconv.train;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.compiled.CompiledModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-made {@link Model} for optimizer tests: layers and parameters over one flat array, no
 * forward or backward pass.
 */
final class FakeModel implements CompiledModel {
  private final List<Layer> layers;
  private final float[] weights;

  private FakeModel(List<Layer> layers, int size) {
    this.layers = List.copyOf(layers);
    this.weights = new float[size];
  }

  /**
   * Two layers over 8 weights: {@code conv} (kernel [3] at 0, bias [1] at 3) and {@code bn} (gamma
   * at 4, beta at 5, moving_mean at 6 and moving_variance at 7, the last two non-trainable). The
   * weights start at 1, 2, ..., 8.
   */
  static FakeModel small() {
    List<Layer> layers =
        List.of(
            new Layer(
                "conv",
                "Dense",
                new int[] {1},
                List.of("input"),
                List.of(
                    new Param("conv", "kernel", new int[] {3, 1}, true, 0),
                    new Param("conv", "bias", new int[] {1}, true, 3))),
            new Layer(
                "bn",
                "BatchNormalization",
                new int[] {1},
                List.of("conv"),
                List.of(
                    new Param("bn", "gamma", new int[] {1}, true, 4),
                    new Param("bn", "beta", new int[] {1}, true, 5),
                    new Param("bn", "moving_mean", new int[] {1}, false, 6),
                    new Param("bn", "moving_variance", new int[] {1}, false, 7))));
    FakeModel m = new FakeModel(layers, 8);
    for (int i = 0; i < 8; i++) {
      m.weights[i] = i + 1;
    }
    return m;
  }

  /**
   * {@code count} BatchNormalization-like layers of {@code size} trainable values followed by
   * {@code size} non-trainable ones, with seeded random weights.
   */
  static FakeModel large(int count, int size, long seed) {
    List<Layer> layers = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      String name = "layer" + l;
      int at = l * 2 * size;
      layers.add(
          new Layer(
              name,
              "BatchNormalization",
              new int[] {size},
              List.of("input"),
              List.of(
                  new Param(name, "gamma", new int[] {size}, true, at),
                  new Param(name, "moving_mean", new int[] {size}, false, at + size))));
    }
    FakeModel m = new FakeModel(layers, count * 2 * size);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < m.weights.length; i++) {
      m.weights[i] = (float) random.nextGaussian();
    }
    return m;
  }

  /** A model with the same layers and a copy of the weights. */
  FakeModel copy() {
    FakeModel m = new FakeModel(layers, weights.length);
    System.arraycopy(weights, 0, m.weights, 0, weights.length);
    return m;
  }

  @Override
  public String name() {
    return "Fake";
  }

  @Override
  public int[] inputShape() {
    return new int[] {1};
  }

  @Override
  public int[] outputShape() {
    return new int[] {1};
  }

  @Override
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public float[] weights() {
    return weights;
  }

  @Override
  public void predictInto(float[] x, int xo, float[] y, int yo) {
    throw new UnsupportedOperationException();
  }

  @Override
  public float backpropagate(
      float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
    throw new UnsupportedOperationException();
  }
}
