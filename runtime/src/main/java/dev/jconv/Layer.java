package dev.jconv;

import java.util.Arrays;
import java.util.List;

/**
 * A handle on one layer of a generated model: its name, type, output shape, inputs, parameter
 * tensors and trainable flag. The generated model sets each of the user's {@code Layer} fields to
 * one of these, so transfer learning reads {@code model.conv1.freeze()}.
 */
public final class Layer {
  private final String name;
  private final String type;
  private final int[] outputShape;
  private final List<String> inputs;
  private final List<Param> params;
  private final long trainableWhenUnfrozen;
  private volatile boolean trainable = true;

  /**
   * Creates a handle; called by generated code.
   *
   * @param name the field name
   * @param type the Keras layer type, such as {@code Conv2D}
   * @param outputShape the output shape without the batch axis
   * @param inputs the names of the input layers ({@code input} for the network input)
   * @param params the parameter tensors, in Keras's weight order
   */
  public Layer(
      String name, String type, int[] outputShape, List<String> inputs, List<Param> params) {
    this.name = name;
    this.type = type;
    this.outputShape = outputShape.clone();
    this.inputs = List.copyOf(inputs);
    this.params = List.copyOf(params);
    long n = 0;
    for (Param p : this.params) {
      n += p.isTrainable() ? p.size() : 0;
    }
    // Computed once: the training pass asks at every step and must not allocate an iterator.
    this.trainableWhenUnfrozen = n;
  }

  /** The field name, which is also the layer's name in summaries and weight files. */
  public String name() {
    return name;
  }

  /** The Keras layer type, such as {@code Conv2D}. */
  public String type() {
    return type;
  }

  /** The output shape without the batch axis (a copy). */
  public int[] outputShape() {
    return outputShape.clone();
  }

  /** Number of output values per example. */
  public int outputSize() {
    int n = 1;
    for (int d : outputShape) {
      n *= d;
    }
    return n;
  }

  /** The names of the layers this one reads; {@code input} is the network input. */
  public List<String> inputs() {
    return inputs;
  }

  /** The parameter tensors in Keras's weight order. */
  public List<Param> params() {
    return params;
  }

  /** Total number of parameters, trainable or not. */
  public long paramCount() {
    long n = 0;
    for (Param p : params) {
      n += p.size();
    }
    return n;
  }

  /** Parameters an optimizer updates: none when frozen. */
  public long trainableParamCount() {
    return trainable ? trainableWhenUnfrozen : 0;
  }

  /** Parameters an optimizer leaves alone (moving statistics, or all of a frozen layer). */
  public long nonTrainableParamCount() {
    return paramCount() - trainableParamCount();
  }

  /** Whether the optimizer updates this layer's parameters. */
  public boolean isTrainable() {
    return trainable;
  }

  /** Stops the optimizer from updating this layer's parameters; returns this. */
  public Layer freeze() {
    trainable = false;
    return this;
  }

  /** Lets the optimizer update this layer's parameters again; returns this. */
  public Layer unfreeze() {
    trainable = true;
    return this;
  }

  /**
   * Keras's {@code layer.trainable = trainable}: {@link #freeze()} when false, {@link #unfreeze()}
   * when true; returns this.
   */
  public Layer setTrainable(boolean trainable) {
    this.trainable = trainable;
    return this;
  }

  @Override
  public String toString() {
    return name + " (" + type + ") " + Arrays.toString(outputShape);
  }
}
