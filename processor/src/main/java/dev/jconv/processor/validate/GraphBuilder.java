package dev.jconv.processor.validate;

import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.NetworkSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a read network and builds its {@link Graph}: attribute values, {@code from} references,
 * shapes layer by layer, the declared parameter count, and unused outputs. Problems become reports,
 * all of them at once; a layer that failed (or could not be read) is skipped, and so is every layer
 * that reads it, rather than being reported again.
 */
public final class GraphBuilder {
  private GraphBuilder() {}

  /** The graph, or null when there were errors, and every report (warnings too). */
  public record Result(Graph graph, List<Report> reports) {}

  /** Checks {@code network}. */
  public static Result build(NetworkSpec network) {
    List<Report> reports = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    for (LayerSpec layer : network.layers()) {
      List<Report> problems = Kinds.checkAttributes(layer);
      if (layer instanceof LayerSpec.Invalid || !problems.isEmpty()) {
        failed.add(layer.name());
      }
      reports.addAll(problems);
    }
    List<List<String>> inputs = References.resolve(network, reports);
    AugmentationPlacement.check(network, inputs, reports);
    List<Node> nodes = infer(network, inputs, failed, reports);
    if (Report.hasErrors(reports) || nodes.size() < network.layers().size()) {
      return new Result(null, reports);
    }
    Graph graph = new Graph(network, nodes);
    Totals.check(graph, reports);
    if (Report.hasErrors(reports)) {
      return new Result(null, reports);
    }
    checkParams(graph, reports);
    warnUnused(graph, reports);
    return new Result(Report.hasErrors(reports) ? null : graph, reports);
  }

  /** The layers whose inputs all have shapes; the others failed upstream and were reported. */
  private static List<Node> infer(
      NetworkSpec network, List<List<String>> inputs, Set<String> failed, List<Report> reports) {
    Map<String, Shape> shapes = new HashMap<>();
    shapes.put(Node.INPUT, network.input()); // null when the input shape is invalid
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < network.layers().size(); i++) {
      LayerSpec spec = network.layers().get(i);
      if (inputs.get(i) == null || failed.contains(spec.name())) {
        continue; // reported already; the layers that read it are skipped below
      }
      List<Shape> in = new ArrayList<>();
      for (String name : inputs.get(i)) {
        in.add(shapes.get(name));
      }
      if (in.contains(null)) {
        continue; // an input failed and was reported; do not cascade
      }
      Inferred result = Kinds.infer(spec, in, inputs.get(i));
      if (result instanceof Inferred.Failed why) {
        reports.add(why.report());
      } else {
        Inferred.Ok ok = (Inferred.Ok) result;
        shapes.put(spec.name(), ok.output());
        nodes.add(new Node(spec, inputs.get(i), in, ok.output(), ok.params()));
      }
    }
    return nodes;
  }

  private static void checkParams(Graph graph, List<Report> reports) {
    NetworkSpec network = graph.network();
    long declared = network.declaredParams();
    long total = graph.paramCount();
    if (declared < 0 || declared == total) { // a negative count means "no check", as documented
      return;
    }
    long trainable = graph.trainableParamCount();
    List<String> perLayer = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node.paramCount() > 0) {
        perLayer.add(node.name() + " " + group(node.paramCount()));
      }
    }
    reports.add(
        Report.at(
            network.source(),
            "params",
            Diag.PARAMS_MISMATCH,
            group(declared),
            network.className(),
            group(total),
            group(trainable),
            group(total - trainable),
            String.join(", ", perLayer)));
  }

  private static void warnUnused(Graph graph, List<Report> reports) {
    Set<String> read = new HashSet<>();
    for (Node node : graph.nodes()) {
      read.addAll(node.inputs());
    }
    List<Node> nodes = graph.nodes();
    for (int i = 0; i < nodes.size() - 1; i++) {
      Node node = nodes.get(i);
      if (!read.contains(node.name())) {
        reports.add(
            Report.on(
                node.spec().source(),
                Diag.UNUSED_OUTPUT,
                node.name(),
                node.spec().kerasType(),
                node.output(),
                node.name()));
      }
    }
  }

  private static String group(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
