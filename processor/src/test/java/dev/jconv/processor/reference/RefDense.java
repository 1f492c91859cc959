package dev.jconv.processor.reference;

/** Dense in double: {@code out[b][o] = bias[o] + sum_i x[b][i] * kernel[i][o]}, Keras's layout. */
final class RefDense {
  private RefDense() {}

  static void forward(
      double[] out, double[] inp, double[] kernel, double[] bias, int n, int in, int units) {
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < units; o++) {
        double sum = bias == null ? 0 : bias[o];
        for (int i = 0; i < in; i++) {
          sum += inp[b * in + i] * kernel[i * units + o];
        }
        out[b * units + o] = sum;
      }
    }
  }

  /** Gradients of {@link #forward} w.r.t. its input, kernel and bias (null when absent). */
  static void backward(
      double[] dinp,
      double[] dkernel,
      double[] dbias,
      double[] dout,
      double[] inp,
      double[] kernel,
      int n,
      int in,
      int units) {
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < units; o++) {
        double d = dout[b * units + o];
        if (dbias != null) {
          dbias[o] += d;
        }
        for (int i = 0; i < in; i++) {
          dinp[b * in + i] += kernel[i * units + o] * d;
          dkernel[i * units + o] += inp[b * in + i] * d;
        }
      }
    }
  }
}
