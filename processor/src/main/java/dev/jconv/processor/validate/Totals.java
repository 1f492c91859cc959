package dev.jconv.processor.validate;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The model keeps all weights in one array and all activations in one workspace, each indexed by
 * int: when every tensor is legal but their sum is not, that is reported here with the figures,
 * before code generation would overflow.
 */
final class Totals {
  private Totals() {}

  /** Adds a {@code too-large} report per total (weights, activations) above an int's range. */
  static void check(Graph graph, List<Report> reports) {
    check(graph, "weights", Node::paramCount, reports);
    check(
        graph,
        "activations (the input and every layer's output, per example)",
        n -> n.output().size(),
        reports);
  }

  private static void check(
      Graph graph, String what, ToLongFunction<Node> size, List<Report> reports) {
    long total = what.startsWith("activations") ? graph.network().input().size() : 0;
    Node largest = null;
    for (Node node : graph.nodes()) {
      total += size.applyAsLong(node);
      if (largest == null || size.applyAsLong(node) > size.applyAsLong(largest)) {
        largest = node;
      }
    }
    if (total <= Integer.MAX_VALUE) {
      return;
    }
    reports.add(
        Report.on(
            graph.network().source(),
            Diag.TOO_LARGE,
            graph.network().className(),
            "Network",
            String.format(
                Locale.ROOT,
                "the sum of its %s (largest: '%s' with %,d)",
                what,
                largest.name(),
                size.applyAsLong(largest)),
            String.format(Locale.ROOT, "%,d", total)));
  }
}
