package dev.jconv.processor.reference;

import java.util.List;

/**
 * Add, Concatenate (on the last axis) and Dropout with a given mask, in double. Flatten and
 * inference-time Dropout are plain copies.
 */
final class RefMerge {
  private RefMerge() {}

  /** out = sum of the inputs. */
  static void addForward(double[] out, List<double[]> inputs, int count) {
    for (int i = 0; i < count; i++) {
      double sum = 0;
      for (double[] x : inputs) {
        sum += x[i];
      }
      out[i] = sum;
    }
  }

  /** Every input receives the whole gradient. */
  static void addBackward(List<double[]> dinputs, double[] dout, int count) {
    for (double[] dx : dinputs) {
      for (int i = 0; i < count; i++) {
        dx[i] += dout[i];
      }
    }
  }

  /** Channels of input k follow those of inputs 0..k-1 at every position. */
  static void concatForward(double[] out, List<double[]> inputs, int[] channels, int positions) {
    int total = sum(channels);
    for (int p = 0; p < positions; p++) {
      int at = 0;
      for (int k = 0; k < inputs.size(); k++) {
        for (int c = 0; c < channels[k]; c++) {
          out[p * total + at + c] = inputs.get(k)[p * channels[k] + c];
        }
        at += channels[k];
      }
    }
  }

  /** Each input receives its slice of the gradient. */
  static void concatBackward(List<double[]> dinputs, double[] dout, int[] channels, int positions) {
    int total = sum(channels);
    for (int p = 0; p < positions; p++) {
      int at = 0;
      for (int k = 0; k < dinputs.size(); k++) {
        for (int c = 0; c < channels[k]; c++) {
          dinputs.get(k)[p * channels[k] + c] += dout[p * total + at + c];
        }
        at += channels[k];
      }
    }
  }

  /** out = x * mask; the mask holds 0 for dropped values and 1 / (1 - rate) for kept ones. */
  static void dropoutForward(double[] out, double[] inp, double[] mask, int count) {
    for (int i = 0; i < count; i++) {
      out[i] = inp[i] * mask[i];
    }
  }

  static void dropoutBackward(double[] dinp, double[] dout, double[] mask, int count) {
    for (int i = 0; i < count; i++) {
      dinp[i] += dout[i] * mask[i];
    }
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }
}
