package dev.jconv.processor.model;

import dev.jconv.Padding;

/** Output-size arithmetic of sliding windows (convolution and pooling), as TensorFlow does it. */
public final class Windows {
  private Windows() {}

  /** The extent of a dilated kernel: {@code (k - 1) * d + 1}. */
  public static int effective(int kernel, int dilation) {
    return (kernel - 1) * dilation + 1;
  }

  /**
   * Output length along one axis: {@code floor((in - window) / stride) + 1} for VALID (0 when the
   * window does not fit), {@code ceil(in / stride)} for SAME.
   */
  public static int outputLength(int in, int window, int stride, Padding padding) {
    if (padding == Padding.SAME) {
      return sameLength(in, stride);
    }
    return in < window ? 0 : (in - window) / stride + 1;
  }

  /**
   * Total SAME padding along one axis: {@code max((out - 1) * stride + window - in, 0)}; the top or
   * left side gets {@code total / 2} and the bottom or right side the rest.
   */
  public static int samePaddingTotal(int in, int window, int stride) {
    int out = sameLength(in, stride);
    return Math.max((out - 1) * stride - in + window, 0);
  }

  /**
   * {@code ceil(in / stride)} as Keras writes it, {@code floor((in - 1) / stride) + 1}, which
   * unlike {@code (in + stride - 1) / stride} cannot overflow.
   */
  private static int sameLength(int in, int stride) {
    return in <= 0 ? 0 : (in - 1) / stride + 1;
  }
}
