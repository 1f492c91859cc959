package dev.jconv.processor.codegen;

import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Where everything lives in the flat arrays: each parameter tensor's offset in the weight array, in
 * declaration order and Keras's weight order, as llm.c splits one parameter buffer.
 */
final class Layout {
  private final Map<String, Integer> paramOffsets = new HashMap<>();
  private final int paramCount;

  Layout(Graph graph) {
    long offset = 0;
    for (Node node : graph.nodes()) {
      for (ParamSpec p : node.params()) {
        paramOffsets.put(key(node, p.kind()), Math.toIntExact(offset));
        offset += p.size();
      }
    }
    paramCount = Math.toIntExact(offset);
  }

  /** The offset of {@code node}'s tensor of this kind in the weight array. */
  int param(Node node, String kind) {
    Integer offset = paramOffsets.get(key(node, kind));
    if (offset == null) {
      throw new IllegalArgumentException(node.name() + " has no " + kind);
    }
    return offset;
  }

  /** The size of the weight array. */
  int paramCount() {
    return paramCount;
  }

  private static String key(Node node, String kind) {
    return node.name() + "." + kind;
  }
}
