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
}
