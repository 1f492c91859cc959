package dev.jconv.io;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.compiled.CompiledModel;
import java.util.List;

/**
 * A hand-made {@link Model} standing in for a generated one: Conv2D, BatchNormalization, Activation
 * and Dense over a 35-float weight array.
 */
final class TinyModel implements CompiledModel {
  static final int PARAM_COUNT = 35;

  private final List<Layer> layers =
      List.of(
          new Layer(
              "conv",
              "Conv2D",
              new int[] {3, 3, 3},
              List.of("input"),
              List.of(
                  new Param("conv", "kernel", new int[] {2, 2, 1, 3}, true, 0),
                  new Param("conv", "bias", new int[] {3}, true, 12))),
          new Layer(
              "bn",
              "BatchNormalization",
              new int[] {3, 3, 3},
              List.of("conv"),
              List.of(
                  new Param("bn", "gamma", new int[] {3}, true, 15),
                  new Param("bn", "beta", new int[] {3}, true, 18),
                  new Param("bn", "moving_mean", new int[] {3}, false, 21),
                  new Param("bn", "moving_variance", new int[] {3}, false, 24))),
          new Layer("act", "Activation", new int[] {3, 3, 3}, List.of("bn"), List.of()),
          new Layer(
              "dense",
              "Dense",
              new int[] {2},
              List.of("act"),
              List.of(
                  new Param("dense", "kernel", new int[] {3, 2}, true, 27),
                  new Param("dense", "bias", new int[] {2}, true, 33))));

  private final float[] weights = new float[PARAM_COUNT];

  /** Weights {@code seed + i / 8} so that two seeds give different, recognisable values. */
  TinyModel(int seed) {
    for (int i = 0; i < PARAM_COUNT; i++) {
      weights[i] = seed + i / 8f;
    }
  }

  @Override
  public String name() {
    return "Tiny";
  }

  @Override
  public int[] inputShape() {
    return new int[] {4, 4, 1};
  }

  @Override
  public int[] outputShape() {
    return new int[] {2};
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
    throw new UnsupportedOperationException("a weights-only test model has no forward pass");
  }

  @Override
  public float backpropagate(
      float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
    throw new UnsupportedOperationException("a weights-only test model has no backward pass");
  }
}
