package dev.jconv.processor.reference;

/**
 * One example's tensor shape: an image {@code (h, w, c)}, or a vector of {@code c} values seen as
 * {@code (1, 1, c)} so that every reference function indexes both the same way.
 */
record Dims(int h, int w, int c, boolean image) {
  static Dims image(int h, int w, int c) {
    return new Dims(h, w, c, true);
  }

  static Dims vector(int n) {
    return new Dims(1, 1, n, false);
  }

  /** Values per example. */
  int size() {
    return h * w * c;
  }

  /** Whether every axis is positive (the processor rejects a shape that reaches zero). */
  boolean isValid() {
    return h > 0 && w > 0 && c > 0;
  }

  /** The shape as Keras writes it without the batch axis. */
  int[] dims() {
    return image ? new int[] {h, w, c} : new int[] {c};
  }

  /** Index of {@code (b, y, x, ch)} in an NHWC array of this shape. */
  int at(int b, int y, int x, int ch) {
    return ((b * h + y) * w + x) * c + ch;
  }

  @Override
  public String toString() {
    return image ? "(" + h + ", " + w + ", " + c + ")" : "(" + c + ")";
  }
}
