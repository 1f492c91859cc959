package dev.jconv.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Offset;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.kind.LayerKind.Training;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training pass zeroes the gradients that backward kernels add to. The loss used to clear
 * an example's whole delta workspace (megabytes per example, long evicted from the caches when the
 * backward reached them); now the layer that adds to a tensor's gradient first in backward order
 * (the tensor's last consumer in forward order) clears that gradient for its chunk of examples just
 * before it runs, so the zeroes are still in cache when it adds to them. Only the largest such
 * tensors move ({@link #MOST}, to bound the loss's code), and only those whose first consumer runs
 * over chunks (a BatchNormalization's backward runs over the whole batch); the loss clears the rest
 * of the workspace as before.
 */
final class DeltaClears {
  /** Most gradients cleared by layers: the loss then has at most one fill per gap, plus one. */
  static final int MOST = 48;

  private final Layout layout;
  private final Map<String, List<Node>> byConsumer = new HashMap<>();
  private final List<Offset> moved = new ArrayList<>();

  DeltaClears(Graph graph, Layout layout) {
    this.layout = layout;
    Map<String, Node> first = new LinkedHashMap<>();
    Map<String, Node> byName = new HashMap<>();
    for (Node node : graph.nodes()) {
      byName.put(node.name(), node);
      for (String in : node.inputs()) {
        if (!in.equals(Node.INPUT)) {
          // The backward runs the layers in reverse order: the last consumer adds first.
          first.put(in, node);
        }
      }
    }
    List<Node> producers = new ArrayList<>();
    for (Map.Entry<String, Node> e : first.entrySet()) {
      if (Kinds.of(e.getValue().spec()).training() != Training.BATCH) {
        producers.add(byName.get(e.getKey()));
      }
    }
    producers.sort(Comparator.comparingInt((Node p) -> layout.out(p).size()).reversed());
    for (Node p : producers.subList(0, Math.min(MOST, producers.size()))) {
      byConsumer.computeIfAbsent(first.get(p.name()).name(), k -> new ArrayList<>()).add(p);
      moved.add(layout.out(p));
    }
    moved.sort(Comparator.comparingInt(Offset::value));
  }

  /** The loss's fills of example {@code e}'s deltas: the workspace but the moved gradients. */
  CodeBlock lossFills() {
    CodeBlock.Builder b = CodeBlock.builder();
    String from = "0";
    int at = 0;
    for (Offset o : moved) {
      if (o.value() > at) {
        fill(b, from, o.name());
      }
      from = o.name() + " + " + o.size();
      at = o.value() + o.size();
    }
    fill(b, from, "WORKSPACE");
    return b.build();
  }

  private static void fill(CodeBlock.Builder b, String from, String to) {
    b.addStatement(
        "$T.fill(trainD, e * WORKSPACE + $L, e * WORKSPACE + $L, 0f)", Arrays.class, from, to);
  }

  /**
   * The fills {@code node}'s backward makes before it adds to example {@code e}'s gradients, or
   * with {@code chunk} over examples {@code [from, to)} (for a kernel that takes the chunk at
   * once).
   */
  CodeBlock layerFills(Node node, boolean chunk) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Node p : byConsumer.getOrDefault(node.name(), List.of())) {
      Offset o = layout.out(p);
      b.add("// The first backward to add to $L's gradient clears it, in cache.\n", p.name());
      if (chunk) {
        b.beginControlFlow("for (int e = from; e < to; e++)");
      }
      b.addStatement(
          "$T.fill(trainD, e * WORKSPACE + $L, e * WORKSPACE + $L + $L, 0f)",
          Arrays.class,
          o.name(),
          o.name(),
          o.size());
      if (chunk) {
        b.endControlFlow();
      }
    }
    return b.build();
  }
}
