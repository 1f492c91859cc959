package dev.jconv.kernels;

/**
 * Backward of the activation functions: {@code dz = f'(z) * dy} (or {@code dz += ...} when {@code
 * add}), from the output {@code y} where that suffices and from the pre-activation {@code z} for
 * SWISH. In-place use ({@code dz} the same range as {@code dy}) is allowed when {@code add} is
 * false.
 */
public final class ActivationGrads {
  private static final boolean SIMD = VectorSupport.enabled();

  private ActivationGrads() {}

  /** max(z, 0)' = [y &gt; 0]; on vector lanes when the JVM can. */
  public static void relu(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    int from = SIMD ? VectorActivationGrads.relu(y, yo, dy, dyo, dz, dzo, n, add) : 0;
    reluScalar(y, yo, dy, dyo, dz, dzo, from, n, add);
  }

  /** Values {@code [from, n)} of {@link #relu} in plain code: the scalar twin and the tail. */
  static void reluScalar(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int from, int n, boolean add) {
    for (int i = from; i < n; i++) {
      float g = y[yo + i] > 0f ? dy[dyo + i] : 0f;
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** min(max(z, 0), 6)' = [0 &lt; y &lt; 6]; on vector lanes when the JVM can. */
  public static void relu6(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    int from = SIMD ? VectorActivationGrads.relu6(y, yo, dy, dyo, dz, dzo, n, add) : 0;
    relu6Scalar(y, yo, dy, dyo, dz, dzo, from, n, add);
  }

  /** Values {@code [from, n)} of {@link #relu6} in plain code. */
  static void relu6Scalar(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int from, int n, boolean add) {
    for (int i = from; i < n; i++) {
      float v = y[yo + i];
      float g = v > 0f && v < 6f ? dy[dyo + i] : 0f;
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** 1 for y &gt; 0, else 0.2; on vector lanes when the JVM can. */
  public static void leakyRelu(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    int from = SIMD ? VectorActivationGrads.leakyRelu(y, yo, dy, dyo, dz, dzo, n, add) : 0;
    leakyReluScalar(y, yo, dy, dyo, dz, dzo, from, n, add);
  }

  /** Values {@code [from, n)} of {@link #leakyRelu} in plain code. */
  static void leakyReluScalar(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int from, int n, boolean add) {
    for (int i = from; i < n; i++) {
      float g = y[yo + i] > 0f ? dy[dyo + i] : Activations.LEAKY_SLOPE * dy[dyo + i];
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** 1 for y &gt; 0, else exp(z) = y + 1. */
  public static void elu(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    for (int i = 0; i < n; i++) {
      float v = y[yo + i];
      float g = v > 0f ? dy[dyo + i] : (v + 1f) * dy[dyo + i];
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** y (1 - y). */
  public static void sigmoid(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    for (int i = 0; i < n; i++) {
      float v = y[yo + i];
      float g = v * (1f - v) * dy[dyo + i];
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** 1 - y^2. */
  public static void tanh(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    for (int i = 0; i < n; i++) {
      float v = y[yo + i];
      float g = (1f - v * v) * dy[dyo + i];
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** (z s(z))' = s + z s (1 - s), from the pre-activation z. */
  public static void swish(
      float[] z, int zo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    for (int i = 0; i < n; i++) {
      float v = z[zo + i];
      float s = Activations.sigmoid(v);
      float g = (s + v * s * (1f - s)) * dy[dyo + i];
      dz[dzo + i] = add ? dz[dzo + i] + g : g;
    }
  }

  /** Softmax over groups of {@code channels}: dz_i = y_i (dy_i - sum_j y_j dy_j). */
  public static void softmax(
      float[] y,
      int yo,
      float[] dy,
      int dyo,
      float[] dz,
      int dzo,
      int n,
      int channels,
      boolean add) {
    for (int g0 = 0; g0 < n; g0 += channels) {
      float dot = 0f;
      for (int j = g0; j < g0 + channels; j++) {
        dot += y[yo + j] * dy[dyo + j];
      }
      for (int j = g0; j < g0 + channels; j++) {
        float g = y[yo + j] * (dy[dyo + j] - dot);
        dz[dzo + j] = add ? dz[dzo + j] + g : g;
      }
    }
  }

  /** Identity. */
  public static void linear(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    for (int i = 0; i < n; i++) {
      dz[dzo + i] = add ? dz[dzo + i] + dy[dyo + i] : dy[dyo + i];
    }
  }
}
