package dev.jconv.kernels;

/** Softmax cross-entropy from logits, fused and numerically stable (log-sum-exp). */
public final class Losses {
  private Losses() {}

  /**
   * Returns {@code -log softmax(z)[label]} for the logits {@code z[zo .. zo + classes)} and writes
   * {@code dz = (softmax(z) - onehot(label)) * scale}.
   */
  public static double softmaxCrossEntropy(
      float[] z, int zo, int classes, int label, float scale, float[] dz, int dzo) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < classes; i++) {
      max = Math.max(max, z[zo + i]);
    }
    double sum = 0;
    for (int i = 0; i < classes; i++) {
      sum += Math.exp(z[zo + i] - max);
    }
    double logSum = max + Math.log(sum);
    for (int i = 0; i < classes; i++) {
      double p = Math.exp(z[zo + i] - logSum);
      dz[dzo + i] = (float) ((p - (i == label ? 1 : 0)) * scale);
    }
    return logSum - z[zo + label];
  }

  /**
   * Soft-target cross-entropy: returns {@code -sum_k t_k log softmax(z)_k} for targets {@code t[to
   * .. to + classes)} summing to 1 (one-hot, smoothed, or any distribution) and writes {@code dz =
   * (softmax(z) - t) * scale}.
   */
  public static double softmaxCrossEntropy(
      float[] z, int zo, int classes, float[] t, int to, float scale, float[] dz, int dzo) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < classes; i++) {
      max = Math.max(max, z[zo + i]);
    }
    double sum = 0;
    for (int i = 0; i < classes; i++) {
      sum += Math.exp(z[zo + i] - max);
    }
    double logSum = max + Math.log(sum);
    double loss = 0;
    for (int i = 0; i < classes; i++) {
      double p = Math.exp(z[zo + i] - logSum);
      dz[dzo + i] = (float) ((p - t[to + i]) * scale);
      loss += t[to + i] * (logSum - z[zo + i]);
    }
    return loss;
  }
}
