package dev.jconv;

import java.util.Arrays;

/**
 * One parameter tensor of a layer, named {@code <field>.<kind>} with Keras's kinds and layouts
 * ({@code kernel}, {@code bias}, {@code depthwise_kernel}, {@code pointwise_kernel}, {@code gamma},
 * {@code beta}, {@code moving_mean}, {@code moving_variance}).
 */
public final class Param {
  private final String layer;
  private final String kind;
  private final int[] shape;
  private final boolean trainable;
  private final long size;
  private final int offset;

  /**
   * Describes a parameter tensor.
   *
   * @param layer the owning layer's field name
   * @param kind Keras's weight kind, such as {@code kernel}
   * @param shape the tensor shape in Keras's layout
   * @param trainable false for statistics such as BatchNormalization's moving mean
   */
  public Param(String layer, String kind, int[] shape, boolean trainable) {
    this(layer, kind, shape, trainable, -1);
  }

  /**
   * Describes a parameter tensor stored in a model's flat weight array.
   *
   * @param layer the owning layer's field name
   * @param kind Keras's weight kind, such as {@code kernel}
   * @param shape the tensor shape in Keras's layout
   * @param trainable false for statistics such as BatchNormalization's moving mean
   * @param offset where the tensor starts in {@link Model#weights()}, or -1 when it has no storage
   */
  public Param(String layer, String kind, int[] shape, boolean trainable, int offset) {
    this.offset = offset;
    this.layer = layer;
    this.kind = kind;
    this.shape = shape.clone();
    this.trainable = trainable;
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    this.size = n;
  }

  /** The tensor's name in weight files: {@code <field>.<kind>}. */
  public String name() {
    return layer + "." + kind;
  }

  /** The owning layer's field name. */
  public String layer() {
    return layer;
  }

  /** Keras's weight kind, such as {@code kernel} or {@code moving_mean}. */
  public String kind() {
    return kind;
  }

  /** The shape in Keras's layout (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements. */
  public long size() {
    return size;
  }

  /**
   * Whether an optimizer may update it when its layer is trainable; false for moving statistics.
   */
  public boolean isTrainable() {
    return trainable;
  }

  /**
   * Where the tensor starts in {@link Model#weights()} (row-major, Keras's layout), or -1 when it
   * has no storage.
   */
  public int offset() {
    return offset;
  }

  @Override
  public String toString() {
    return name() + Arrays.toString(shape);
  }
}
