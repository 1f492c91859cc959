package dev.jconv.testing;

import dev.jconv.Layer;
import dev.jconv.Param;
import dev.jconv.compiled.CompiledModel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A hand-made trainable {@link CompiledModel}: softmax regression over {@code features} inputs
 * whose training pass, like BatchNormalization's, first folds the batch mean of the input into a
 * non-trainable moving mean; inference subtracts that mean. Small enough to train in tests of the
 * runtime without generated code, real enough that NaN data poisons its statistics.
 */
public final class StatModel implements CompiledModel {
  private final int features;
  private final int classes;
  private final List<Layer> layers;
  private final float[] weights;
  private float[] lastOutputs = new float[0];

  /** A model with seeded Glorot-like weights, a zero bias and a zero moving mean. */
  public StatModel(int features, int classes, long seed) {
    this.features = features;
    this.classes = classes;
    int kernel = features * classes;
    this.layers =
        List.of(
            new Layer(
                "norm",
                "BatchNormalization",
                new int[] {features},
                List.of("input"),
                List.of(new Param("norm", "moving_mean", new int[] {features}, false, 0))),
            new Layer(
                "dense",
                "Dense",
                new int[] {classes},
                List.of("norm"),
                List.of(
                    new Param("dense", "kernel", new int[] {features, classes}, true, features),
                    new Param("dense", "bias", new int[] {classes}, true, features + kernel))));
    this.weights = new float[features + kernel + classes];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = features; i < features + kernel; i++) {
      weights[i] = (float) (random.nextDouble(-1, 1) / Math.sqrt(features));
    }
  }

  @Override
  public String name() {
    return "Stat";
  }

  @Override
  public int[] inputShape() {
    return new int[] {features};
  }

  @Override
  public int[] outputShape() {
    return new int[] {classes};
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
    logits(x, xo, y, yo);
    softmax(y, yo);
  }

  @Override
  public float backpropagate(
      float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
    float[] targets = new float[n * classes];
    for (int i = 0; i < n; i++) {
      targets[i * classes + labels[i]] = 1;
    }
    return backpropagate(x, targets, null, n, grads, inputGrads, seed);
  }

  @Override
  public float backpropagate(
      float[] x,
      float[] targets,
      float[] sampleWeights,
      int n,
      float[] grads,
      float[] inputGrads,
      long seed) {
    updateMovingMean(x, n);
    java.util.Arrays.fill(grads, 0);
    if (lastOutputs.length < n * classes) {
      lastOutputs = new float[n * classes];
    }
    double loss = 0;
    float[] p = new float[classes];
    for (int i = 0; i < n; i++) {
      logits(x, i * features, p, 0);
      softmax(p, 0);
      System.arraycopy(p, 0, lastOutputs, i * classes, classes);
      float w = sampleWeights == null ? 1 : sampleWeights[i];
      for (int k = 0; k < classes; k++) {
        float t = targets[i * classes + k];
        loss -= w * t * Math.log(Math.max(p[k], 1e-30));
        float d = w * (p[k] - t) / n;
        grads[features + features * classes + k] += d;
        for (int f = 0; f < features; f++) {
          grads[features + f * classes + k] += d * (x[i * features + f] - weights[f]);
        }
      }
    }
    return (float) (loss / n);
  }

  @Override
  public void trainingOutputs(float[] out, int n) {
    System.arraycopy(lastOutputs, 0, out, 0, n * classes);
  }

  private void updateMovingMean(float[] x, int n) {
    for (int f = 0; f < features; f++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[i * features + f];
      }
      weights[f] = (float) (0.9 * weights[f] + 0.1 * sum / n);
    }
  }

  private void logits(float[] x, int xo, float[] y, int yo) {
    int bias = features + features * classes;
    for (int k = 0; k < classes; k++) {
      double z = weights[bias + k];
      for (int f = 0; f < features; f++) {
        z += (x[xo + f] - weights[f]) * weights[features + f * classes + k];
      }
      y[yo + k] = (float) z;
    }
  }

  private void softmax(float[] y, int yo) {
    float max = Float.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      max = Math.max(max, y[yo + k]);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      y[yo + k] = (float) Math.exp(y[yo + k] - max);
      sum += y[yo + k];
    }
    for (int k = 0; k < classes; k++) {
      y[yo + k] = (float) (y[yo + k] / sum);
    }
  }
}
