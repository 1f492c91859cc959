package dev.jconv.processor.model;

import dev.jconv.Padding;

/** Output-size arithmetic of sliding windows (convolution and pooling), as TensorFlow does it. */
public final class Windows {
  private Windows() {}

  /** The extent of a dilated kernel: {@code (k - 1) * d + 1}, which can exceed an int. */
  public static long extent(int kernel, int dilation) {
    return (long) (kernel - 1) * dilation + 1;
  }

  /**
   * The extent of a dilated kernel, {@code (k - 1) * d + 1}, saturated at {@code
   * Integer.MAX_VALUE}: a window that large does not fit any input.
   */
  public static int effective(int kernel, int dilation) {
    return (int) Math.min(extent(kernel, dilation), Integer.MAX_VALUE);
  }

  /**
   * Output length along one axis: {@code floor((in - window) / stride) + 1} for VALID (0 when the
   * window does not fit), {@code ceil(in / stride)} for SAME.
   */
  public static int outputLength(int in, int window, int stride, Padding padding) {
    if (padding == Padding.SAME) {
      return (in - 1) / stride + 1; // ceil(in / stride) for in >= 1, without overflow
    }
    return in < window ? 0 : (in - window) / stride + 1;
  }

  /**
   * Total SAME padding along one axis: {@code max((out - 1) * stride + window - in, 0)}; the top or
   * left side gets {@code total / 2} and the bottom or right side the rest.
   */
  public static int samePaddingTotal(int in, int window, int stride) {
    int out = outputLength(in, window, stride, Padding.SAME);
    long total = (long) (out - 1) * stride + window - in;
    return (int) Math.max(Math.min(total, Integer.MAX_VALUE), 0);
  }
}
