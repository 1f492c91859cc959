package dev.jconv.processor.emit;

import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamSpec;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header comments of generated layer methods: shapes, attributes, parameter count, and every
 * buffer the method reads and writes, by the constants that locate them.
 */
public final class Headers {
  private Headers() {}

  /** The header of {@code node}'s forward method. */
  public static String forward(Node node, Layout layout) {
    StringBuilder sb = title(node);
    List<String> reads = new ArrayList<>(inputs(node, "x"));
    reads.addAll(params(node, layout, "w"));
    sb.append("<p>Reads ").append(String.join(", ", reads)).append(".\n");
    sb.append("<br>Writes ").append(String.join(", ", buffers(node, layout))).append(".\n");
    return sb.toString();
  }

  /** The header of {@code node}'s backward method. */
  public static String backward(Node node, Layout layout) {
    StringBuilder sb = new StringBuilder();
    sb.append("Backward of ")
        .append(node.name())
        .append("; see {@link #")
        .append(node.name())
        .append("Forward}.\n");
    List<String> reads = new ArrayList<>();
    reads.add("the output gradient {@code d[dOff + " + layout.out(node) + "...]}");
    reads.addAll(inputs(node, "x"));
    reads.addAll(params(node, layout, "w"));
    reads.add("what the forward wrote");
    List<String> writes = new ArrayList<>(params(node, layout, "g"));
    writes.addAll(inputs(node, "dx"));
    sb.append("<p>Reads ").append(String.join(", ", reads)).append(".\n");
    sb.append("<br>Adds to ")
        .append(writes.isEmpty() ? "nothing" : String.join(", ", writes))
        .append(".\n");
    return sb.toString();
  }

  /**
   * The header of a layer's training forward: {@link #forward}'s, with what the training pass adds
   * ({@code extra}, such as the dropout mask or the batch statistics).
   */
  public static String trainingForward(Node node, Layout layout, String extra) {
    return forward(node, layout) + "<br>In training also: " + extra + ".\n";
  }

  private static StringBuilder title(Node node) {
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
    return sb.append("<p>").append(attributes(node.spec())).append(".\n");
  }

  /** {@code the input {@code x[xo...]}}, or one per input of a merge. */
  private static List<String> inputs(Node node, String array) {
    List<String> out = new ArrayList<>();
    if (node.inputs().size() == 1) {
      out.add("the input {@code " + array + "[" + array + "o...]}");
    } else {
      for (int i = 0; i < node.inputs().size(); i++) {
        String a = array + i;
        out.add("input '" + node.inputs().get(i) + "' {@code " + a + "[" + a + "o...]}");
      }
    }
    return out;
  }

  private static List<String> params(Node node, Layout layout, String array) {
    List<String> out = new ArrayList<>();
    for (ParamSpec p : node.params()) {
      out.add("{@code " + array + "[" + layout.param(node, p.kind()) + "...]} (" + p.kind() + ")");
    }
    return out;
  }

  private static List<String> buffers(Node node, Layout layout) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Buffer, Offset> e : layout.buffers(node).entrySet()) {
      String what = e.getKey() == Buffer.OUT ? "" : "scratch: ";
      Offset o = e.getValue();
      out.add(
          "{@code a[ao + "
              + o
              + "...]} ("
              + what
              + e.getKey().description()
              + ", "
              + o.size()
              + " floats)");
    }
    return out;
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
