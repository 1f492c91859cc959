package dev.jconv.processor.codegen;

import dev.jconv.Layer;
import dev.jconv.Param;
import dev.jconv.Summary;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamSpec;
import java.util.ArrayList;
import java.util.List;

/** The summary table of a checked graph, formatted by the runtime's own {@link Summary}. */
public final class SummaryNote {
  private SummaryNote() {}

  /** The table that {@code <Name>Model.summary()} prints, computed at compile time. */
  public static String of(Graph graph) {
    List<Layer> layers = new ArrayList<>();
    for (Node node : graph.nodes()) {
      List<Param> params = new ArrayList<>();
      for (ParamSpec p : node.params()) {
        params.add(new Param(node.name(), p.kind().kerasName(), p.shape(), p.trainable()));
      }
      Layer layer =
          new Layer(
              node.name(), node.spec().kerasType(), node.output().dims(), node.inputs(), params);
      layers.add(layer.setTrainable(!graph.network().frozen().contains(node.name())));
    }
    return Summary.format(graph.network().className(), graph.network().input().dims(), layers);
  }
}
