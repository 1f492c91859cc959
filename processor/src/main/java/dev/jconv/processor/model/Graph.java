package dev.jconv.processor.model;

import java.util.List;

/**
 * A network whose every layer has been checked: shapes inferred, inputs resolved, parameters
 * counted. Only valid networks become graphs, and only graphs reach the code generator.
 */
public record Graph(NetworkSpec network, List<Node> nodes) {
  /** Compact constructor: the node list is immutable. */
  public Graph {
    nodes = List.copyOf(nodes);
  }

  /** The output layer: the last field. */
  public Node output() {
    return nodes.get(nodes.size() - 1);
  }

  /** All parameters, as Keras's "Total params". */
  public long paramCount() {
    return nodes.stream().mapToLong(Node::paramCount).sum();
  }

  /** Trainable parameters; none of the layers declared with {@code trainable = false}. */
  public long trainableParamCount() {
    return nodes.stream()
        .filter(n -> !network.frozen().contains(n.name()))
        .mapToLong(Node::trainableParamCount)
        .sum();
  }
}
