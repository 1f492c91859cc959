package dev.jconv.kernels;

/**
 * The geometry of one NHWC convolution for the hand-written backward kernels: input {@code h x w x
 * cin}, output {@code oh x ow x cout}, kernel {@code kh x kw} (Keras layout {@code [kh, kw, cin,
 * cout]}), strides, dilation and the padding before the first row and column (SAME padding's top
 * and left, 0 for VALID). Input pixel of output pixel {@code o} and tap {@code k} along an axis:
 * {@code o * stride - pad + k * dilation}; taps that land outside the input read zeros.
 */
public record ConvShape(
    int h,
    int w,
    int cin,
    int oh,
    int ow,
    int cout,
    int kh,
    int kw,
    int sh,
    int sw,
    int dh,
    int dw,
    int padTop,
    int padLeft) {

  /** Checks that every size is positive and the output fits the declared geometry. */
  public ConvShape {
    if (h < 1
        || w < 1
        || cin < 1
        || oh < 1
        || ow < 1
        || cout < 1
        || kh < 1
        || kw < 1
        || sh < 1
        || sw < 1
        || dh < 1
        || dw < 1
        || padTop < 0
        || padLeft < 0) {
      throw new IllegalArgumentException("convolution sizes must be positive: " + this);
    }
  }

  /** Output pixels. */
  public int pixels() {
    return oh * ow;
  }

  /** Multiply-adds of the forward pass, times 2. */
  public long flops() {
    return 2L * oh * ow * kh * kw * cin * cout;
  }

  /** First output row whose tap {@code k} lands inside the input. */
  int rowLo(int k) {
    return lo(padTop - k * dh, sh);
  }

  /** One past the last output row whose tap {@code k} lands inside the input. */
  int rowHi(int k) {
    return hi(h - 1 + padTop - k * dh, sh, oh);
  }

  int colLo(int k) {
    return lo(padLeft - k * dw, sw);
  }

  int colHi(int k) {
    return hi(w - 1 + padLeft - k * dw, sw, ow);
  }

  private static int lo(int num, int s) {
    return Math.max(0, -Math.floorDiv(-num, s));
  }

  private static int hi(int num, int s, int len) {
    return num < 0 ? 0 : Math.min(len, Math.floorDiv(num, s) + 1);
  }
}
