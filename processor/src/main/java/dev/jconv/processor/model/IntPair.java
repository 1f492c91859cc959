package dev.jconv.processor.model;

/** A (height, width) pair such as a kernel size, stride or dilation rate. */
public record IntPair(int h, int w) {
  /** Both sides equal. */
  public static IntPair square(int n) {
    return new IntPair(n, n);
  }

  /** Whether both sides are positive. */
  public boolean isPositive() {
    return h > 0 && w > 0;
  }

  /** {@code 3x3}. */
  @Override
  public String toString() {
    return h + "x" + w;
  }
}
