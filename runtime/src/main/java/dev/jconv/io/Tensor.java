package dev.jconv.io;

import java.util.Arrays;

/**
 * A named float tensor: a shape and a row-major view {@code data[offset, offset + size)} of an
 * array, so a model's flat weight array is written without copies. The array is not copied.
 */
public final class Tensor {
  private final String name;
  private final int[] shape;
  private final float[] data;
  private final int offset;
  private final int size;

  /**
   * A view of {@code data} starting at {@code offset}.
   *
   * @throws IllegalArgumentException if the name is empty, a dimension is negative, or the array
   *     holds fewer than {@code offset + product(shape)} floats
   */
  public Tensor(String name, int[] shape, float[] data, int offset) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a tensor needs a non-empty name");
    }
    this.name = name;
    this.shape = shape.clone();
    this.data = data;
    this.offset = offset;
    this.size = checkedSize(name, this.shape);
    if (offset < 0 || (long) offset + size > data.length) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "': shape "
              + Arrays.toString(shape)
              + " needs "
              + size
              + " floats from offset "
              + offset
              + ", but the array holds "
              + data.length);
    }
  }

  /** A tensor over the whole of {@code data}, which must hold exactly {@code product(shape)}. */
  public static Tensor of(String name, int[] shape, float[] data) {
    Tensor tensor = new Tensor(name, shape, data, 0);
    if (tensor.size != data.length) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "': shape "
              + Arrays.toString(shape)
              + " has "
              + tensor.size
              + " elements, but the array holds "
              + data.length);
    }
    return tensor;
  }

  /** The name in the file, such as {@code conv1.kernel}. */
  public String name() {
    return name;
  }

  /** The shape, row-major (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** The backing array (live, not a copy). */
  public float[] data() {
    return data;
  }

  /** Where the tensor starts in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /** Number of elements: the product of the shape (1 for a scalar). */
  public int size() {
    return size;
  }

  /** The elements, copied out of the backing array. */
  public float[] toArray() {
    return Arrays.copyOfRange(data, offset, offset + size);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }

  private static int checkedSize(String name, int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': shape " + Arrays.toString(shape) + " exceeds a Java array");
      }
    }
    return (int) n;
  }
}
