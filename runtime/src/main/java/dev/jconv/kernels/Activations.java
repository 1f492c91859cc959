package dev.jconv.kernels;

/**
 * Scalar activation functions over a range of a float array, with Keras's definitions; generated
 * code calls these for fused and stand-alone activations, and the JIT inlines them.
 */
public final class Activations {
  /** Keras's {@code leaky_relu} slope. */
  public static final float LEAKY_SLOPE = 0.2f;

  private Activations() {}

  /** max(x, 0). */
  public static void relu(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      y[i] = Math.max(y[i], 0f);
    }
  }

  /** min(max(x, 0), 6). */
  public static void relu6(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      y[i] = Math.min(Math.max(y[i], 0f), 6f);
    }
  }

  /** x for x &gt; 0, else 0.2 x. */
  public static void leakyRelu(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float v = y[i];
      y[i] = v > 0f ? v : LEAKY_SLOPE * v;
    }
  }

  /** x for x &gt; 0, else exp(x) - 1. */
  public static void elu(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float v = y[i];
      y[i] = v > 0f ? v : (float) Math.expm1(v);
    }
  }

  /** 1 / (1 + exp(-x)). */
  public static void sigmoid(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      y[i] = sigmoid(y[i]);
    }
  }

  /** tanh(x). */
  public static void tanh(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      y[i] = (float) Math.tanh(y[i]);
    }
  }

  /** x * sigmoid(x). */
  public static void swish(float[] y, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float v = y[i];
      y[i] = v * sigmoid(v);
    }
  }

  /** Softmax over each consecutive group of {@code channels} values (the last axis). */
  public static void softmax(float[] y, int off, int n, int channels) {
    for (int g = off; g < off + n; g += channels) {
      float max = Float.NEGATIVE_INFINITY;
      for (int i = g; i < g + channels; i++) {
        max = Math.max(max, y[i]);
      }
      float sum = 0f;
      for (int i = g; i < g + channels; i++) {
        float e = (float) Math.exp(y[i] - max);
        y[i] = e;
        sum += e;
      }
      float inv = 1f / sum;
      for (int i = g; i < g + channels; i++) {
        y[i] *= inv;
      }
    }
  }

  /** The logistic function of one value, stable for large |x|. */
  public static float sigmoid(float x) {
    if (x >= 0f) {
      return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
    double e = Math.exp(x);
    return (float) (e / (1.0 + e));
  }
}
