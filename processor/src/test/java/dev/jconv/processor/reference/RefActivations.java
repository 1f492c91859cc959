package dev.jconv.processor.reference;

import dev.jconv.Activation.Fn;

/**
 * Keras's activations in double, element by element, and their backward: {@code dx += f'(x) dy}.
 * SOFTMAX works on each group of {@code channels} consecutive values (the last axis).
 */
final class RefActivations {
  /** Keras's {@code leaky_relu} default slope. */
  static final double LEAKY_SLOPE = 0.2;

  private RefActivations() {}

  /** {@code out = fn(inp)} over {@code count} values; {@code out} may be {@code inp}. */
  static void forward(Fn fn, double[] out, double[] inp, int count, int channels) {
    if (fn == Fn.SOFTMAX) {
      for (int g = 0; g < count; g += channels) {
        softmax(out, inp, g, channels);
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      out[i] = apply(fn, inp[i]);
    }
  }

  /** {@code dinp += J^T dout} where J is the Jacobian of {@code fn} at {@code inp}. */
  static void backward(Fn fn, double[] dinp, double[] dout, double[] inp, int count, int channels) {
    if (fn == Fn.SOFTMAX) {
      double[] y = new double[channels];
      for (int g = 0; g < count; g += channels) {
        double[] group = new double[channels];
        System.arraycopy(inp, g, group, 0, channels);
        softmax(y, group, 0, channels);
        double dot = 0;
        for (int i = 0; i < channels; i++) {
          dot += dout[g + i] * y[i];
        }
        for (int i = 0; i < channels; i++) {
          dinp[g + i] += y[i] * (dout[g + i] - dot);
        }
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      dinp[i] += derivative(fn, inp[i]) * dout[i];
    }
  }

  /** One value of an element-wise activation. */
  static double apply(Fn fn, double x) {
    switch (fn) {
      case LINEAR:
        return x;
      case RELU:
        return Math.max(x, 0);
      case RELU6:
        return Math.min(Math.max(x, 0), 6);
      case LEAKY_RELU:
        return x > 0 ? x : LEAKY_SLOPE * x;
      case ELU:
        return x > 0 ? x : Math.exp(x) - 1;
      case SIGMOID:
        return sigmoid(x);
      case TANH:
        return Math.tanh(x);
      case SWISH:
        return x * sigmoid(x);
      default:
        throw new IllegalArgumentException(fn + " is not element-wise");
    }
  }

  /** The derivative of an element-wise activation at {@code x} (one-sided choice at kinks). */
  static double derivative(Fn fn, double x) {
    switch (fn) {
      case LINEAR:
        return 1;
      case RELU:
        return x > 0 ? 1 : 0;
      case RELU6:
        return x > 0 && x < 6 ? 1 : 0;
      case LEAKY_RELU:
        return x > 0 ? 1 : LEAKY_SLOPE;
      case ELU:
        return x > 0 ? 1 : Math.exp(x);
      case SIGMOID:
        return sigmoid(x) * (1 - sigmoid(x));
      case TANH:
        return 1 - Math.tanh(x) * Math.tanh(x);
      case SWISH:
        return sigmoid(x) + x * sigmoid(x) * (1 - sigmoid(x));
      default:
        throw new IllegalArgumentException(fn + " is not element-wise");
    }
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** exp(x_i) / sum_j exp(x_j) over {@code inp[from .. from + n)}, shifted by the max. */
  private static void softmax(double[] out, double[] inp, int from, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < from + n; i++) {
      max = Math.max(max, inp[i]);
    }
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      sum += Math.exp(inp[i] - max);
    }
    for (int i = from; i < from + n; i++) {
      out[i] = Math.exp(inp[i] - max) / sum;
    }
  }
}
