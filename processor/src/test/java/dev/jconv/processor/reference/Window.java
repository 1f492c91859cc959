package dev.jconv.processor.reference;

/**
 * A sliding window (convolution kernel or pooling window) along both axes, with output size and
 * padding computed from TensorFlow's definitions: VALID gives {@code floor((in - extent) / stride)
 * + 1}, SAME gives {@code ceil(in / stride)} with {@code total = max((out - 1) * stride + extent -
 * in, 0)} zero cells, {@code total / 2} before and the rest after.
 */
record Window(int kh, int kw, int sh, int sw, int dh, int dw, boolean same) {
  /** A pooling window: no dilation. */
  static Window pool(int ph, int pw, int sh, int sw, boolean same) {
    return new Window(ph, pw, sh, sw, 1, 1, same);
  }

  int extentH() {
    return (kh - 1) * dh + 1;
  }

  int extentW() {
    return (kw - 1) * dw + 1;
  }

  int outH(int in) {
    return out(in, extentH(), sh);
  }

  int outW(int in) {
    return out(in, extentW(), sw);
  }

  /** Zero rows above the input. */
  int top(int in) {
    return before(in, extentH(), sh);
  }

  /** Zero columns left of the input. */
  int left(int in) {
    return before(in, extentW(), sw);
  }

  private int out(int in, int extent, int stride) {
    if (same) {
      return (in + stride - 1) / stride;
    }
    return in < extent ? 0 : (in - extent) / stride + 1;
  }

  private int before(int in, int extent, int stride) {
    if (!same) {
      return 0;
    }
    int total = Math.max((out(in, extent, stride) - 1) * stride + extent - in, 0);
    return total / 2;
  }
}
