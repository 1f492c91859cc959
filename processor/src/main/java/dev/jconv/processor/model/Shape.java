package dev.jconv.processor.model;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A tensor shape without the batch axis: {@code (h, w, c)} for images or {@code (n)} for vectors.
 */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /** A shape with these dimensions. */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  /** Number of axes. */
  public int rank() {
    return dims.length;
  }

  /** Whether this is an image shape (h, w, c). */
  public boolean isImage() {
    return dims.length == 3;
  }

  /** The size of axis {@code i}. */
  public int dim(int i) {
    return dims[i];
  }

  /** Height of an image shape. */
  public int h() {
    return dims[0];
  }

  /** Width of an image shape. */
  public int w() {
    return dims[1];
  }

  /** Channels: the last axis. */
  public int c() {
    return dims[dims.length - 1];
  }

  /** The dimensions (a copy). */
  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements; long because a bad network can overflow int. */
  public long size() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** Whether some axis is zero or negative. */
  public boolean isEmpty() {
    for (int d : dims) {
      if (d <= 0) {
        return true;
      }
    }
    return false;
  }

  /** Keras's notation with the batch axis: {@code (None, 32, 32, 3)}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "(", ")");
    j.add("None");
    for (int d : dims) {
      j.add(Integer.toString(d));
    }
    return j.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }
}
