package dev.jconv.processor.reference;

/**
 * BatchNormalization over the last axis in double: {@code y = gamma (x - mean) / sqrt(var + eps) +
 * beta}. Inference uses the moving statistics; training uses the batch's mean and biased variance
 * over all {@code N * H * W} values of each channel. A null gamma ({@code scale = false}) is 1, a
 * null beta ({@code center = false}) is 0.
 */
final class RefBatchNorm {
  private RefBatchNorm() {}

  /** Per-channel statistics of a training forward, kept for the backward. */
  record Stats(double[] mean, double[] var) {}

  /** Inference: normalise with the moving mean and variance. */
  static void inferenceForward(
      double[] out,
      double[] inp,
      double[] gamma,
      double[] beta,
      double[] mean,
      double[] var,
      double eps,
      int count,
      int channels) {
    for (int i = 0; i < count; i++) {
      int c = i % channels;
      double g = gamma == null ? 1 : gamma[c];
      double be = beta == null ? 0 : beta[c];
      out[i] = g * (inp[i] - mean[c]) / Math.sqrt(var[c] + eps) + be;
    }
  }

  /** Gradients of {@link #inferenceForward} w.r.t. input, gamma and beta (statistics fixed). */
  static void inferenceBackward(
      double[] dinp,
      double[] dgamma,
      double[] dbeta,
      double[] dout,
      double[] inp,
      double[] gamma,
      double[] mean,
      double[] var,
      double eps,
      int count,
      int channels) {
    for (int i = 0; i < count; i++) {
      int c = i % channels;
      double g = gamma == null ? 1 : gamma[c];
      double inv = 1 / Math.sqrt(var[c] + eps);
      dinp[i] += g * inv * dout[i];
      if (dgamma != null) {
        dgamma[c] += (inp[i] - mean[c]) * inv * dout[i];
      }
      if (dbeta != null) {
        dbeta[c] += dout[i];
      }
    }
  }

  /** Training: normalise with the batch statistics, which are returned. */
  static Stats trainingForward(
      double[] out, double[] inp, double[] gamma, double[] beta, double eps, int count, int ch) {
    double[] mean = new double[ch];
    double[] var = new double[ch];
    int m = count / ch;
    for (int i = 0; i < count; i++) {
      mean[i % ch] += inp[i] / m;
    }
    for (int i = 0; i < count; i++) {
      double d = inp[i] - mean[i % ch];
      var[i % ch] += d * d / m;
    }
    inferenceForward(out, inp, gamma, beta, mean, var, eps, count, ch);
    return new Stats(mean, var);
  }

  /**
   * Gradients of {@link #trainingForward}, where mean and variance depend on every input: with xhat
   * = (x - mean) / sqrt(var + eps) and M values per channel, {@code dx = gamma / sqrt(var + eps) *
   * (dy - mean(dy) - xhat * mean(dy * xhat))}.
   */
  static void trainingBackward(
      double[] dinp,
      double[] dgamma,
      double[] dbeta,
      double[] dout,
      double[] inp,
      double[] gamma,
      Stats stats,
      double eps,
      int count,
      int ch) {
    int m = count / ch;
    double[] sumDy = new double[ch];
    double[] sumDyXhat = new double[ch];
    for (int i = 0; i < count; i++) {
      int c = i % ch;
      double xhat = (inp[i] - stats.mean()[c]) / Math.sqrt(stats.var()[c] + eps);
      sumDy[c] += dout[i];
      sumDyXhat[c] += dout[i] * xhat;
    }
    for (int i = 0; i < count; i++) {
      int c = i % ch;
      double inv = 1 / Math.sqrt(stats.var()[c] + eps);
      double xhat = (inp[i] - stats.mean()[c]) * inv;
      double g = gamma == null ? 1 : gamma[c];
      dinp[i] += g * inv * (dout[i] - sumDy[c] / m - xhat * sumDyXhat[c] / m);
    }
    for (int c = 0; c < ch; c++) {
      if (dgamma != null) {
        dgamma[c] += sumDyXhat[c];
      }
      if (dbeta != null) {
        dbeta[c] += sumDy[c];
      }
    }
  }
}
