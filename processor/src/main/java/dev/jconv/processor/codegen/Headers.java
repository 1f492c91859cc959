package dev.jconv.processor.codegen;

import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamSpec;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;

/** The header comment of a generated layer method: shapes, attributes, parameters and offsets. */
final class Headers {
  private Headers() {}

  static String of(Node node, Layout layout) {
    StringBuilder sb = new StringBuilder();
    sb.append(node.name())
        .append(" (")
        .append(node.spec().kerasType())
        .append("): ")
        .append(node.inputShapes().size() == 1 ? node.inputShapes().get(0) : node.inputShapes())
        .append(" -> ")
        .append(node.output())
        .append(", ")
        .append(String.format(Locale.ROOT, "%,d", node.paramCount()))
        .append(" params.\n");
    sb.append("<p>").append(attributes(node.spec())).append(".\n");
    for (ParamSpec p : node.params()) {
      sb.append("<br>{@code w[")
          .append(layout.param(node, p.kind()))
          .append("...]}: ")
          .append(p.kind())
          .append(' ')
          .append(Arrays.toString(p.shape()))
          .append('\n');
    }
    sb.append("<br>output at workspace offset ").append(layout.out(node)).append('\n');
    return sb.toString();
  }

  /** The record's components but name, from and source: {@code filters=8, kernelSize=3x3, ...}. */
  private static String attributes(LayerSpec spec) {
    StringBuilder out = new StringBuilder();
    for (RecordComponent c : spec.getClass().getRecordComponents()) {
      String name = c.getName();
      if (name.equals("name") || name.equals("from") || name.equals("source")) {
        continue;
      }
      try {
        out.append(out.length() == 0 ? "" : ", ")
            .append(name)
            .append('=')
            .append(c.getAccessor().invoke(spec));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.length() == 0 ? "no attributes" : out.toString();
  }
}
