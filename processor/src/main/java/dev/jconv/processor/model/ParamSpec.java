package dev.jconv.processor.model;

import java.util.Arrays;

/**
 * One parameter tensor of a layer: its kind ({@code kernel}, {@code bias}, ...), its shape in
 * Keras's layout, and whether an optimizer trains it.
 */
public record ParamSpec(ParamKind kind, int[] shape, boolean trainable) {
  /** Compact constructor: keeps a private copy of the shape. */
  public ParamSpec {
    shape = shape.clone();
  }

  /** A trainable tensor. */
  public static ParamSpec trainable(ParamKind kind, int... shape) {
    return new ParamSpec(kind, shape, true);
  }

  /** A tensor the optimizer leaves alone, such as a moving statistic. */
  public static ParamSpec fixed(ParamKind kind, int... shape) {
    return new ParamSpec(kind, shape, false);
  }

  /** The shape (a copy). */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long size() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamSpec p
        && kind == p.kind
        && trainable == p.trainable
        && Arrays.equals(shape, p.shape);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return kind + Arrays.toString(shape) + (trainable ? "" : " (non-trainable)");
  }
}
