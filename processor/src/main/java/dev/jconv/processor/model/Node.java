package dev.jconv.processor.model;

import java.util.List;

/**
 * A checked layer: its spec, the resolved input names ({@link #INPUT} for the network input), its
 * output shape and its parameter tensors.
 */
public record Node(
    LayerSpec spec,
    List<String> inputs,
    List<Shape> inputShapes,
    Shape output,
    List<ParamSpec> params) {
  /** The name by which layers refer to the network input. */
  public static final String INPUT = "input";

  /** Compact constructor: lists are immutable. */
  public Node {
    inputs = List.copyOf(inputs);
    inputShapes = List.copyOf(inputShapes);
    params = List.copyOf(params);
  }

  /** The field name. */
  public String name() {
    return spec.name();
  }

  /** All parameters. */
  public long paramCount() {
    return params.stream().mapToLong(ParamSpec::size).sum();
  }

  /** Parameters an optimizer trains. */
  public long trainableParamCount() {
    return params.stream().filter(ParamSpec::trainable).mapToLong(ParamSpec::size).sum();
  }
}
