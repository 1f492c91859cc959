package dev.jconv.io;

import java.util.Arrays;

/**
 * One entry of a safetensors header: the tensor's name, element type, shape, and byte range {@code
 * [begin, end)} relative to the start of the data section.
 */
public record TensorInfo(String name, DType dtype, int[] shape, long begin, long end) {
  /** Copies the shape so the record stays immutable. */
  public TensorInfo {
    shape = shape.clone();
  }

  /** The shape (a copy). */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements: the product of the shape. */
  public long elementCount() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** Bytes the data range spans. */
  public long byteCount() {
    return end - begin;
  }

  /** Whether {@code other} has the same shape. */
  public boolean hasShape(int[] other) {
    return Arrays.equals(shape, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && begin == t.begin
        && end == t.end;
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Long.hashCode(begin);
  }

  @Override
  public String toString() {
    return name + " " + dtype + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
  }
}
