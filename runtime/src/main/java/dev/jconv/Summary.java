package dev.jconv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats a Keras-like {@code model.summary()} table: layer (type), output shape, parameter count,
 * and the inputs when the network is not a plain chain.
 */
public final class Summary {
  // Keras's column widths; a column widens when one of its cells is longer, so rows stay aligned.
  private static final int NAME_WIDTH = 34;
  private static final int SHAPE_WIDTH = 22;
  private static final int PARAM_WIDTH = 13;
  private static final int FROM_WIDTH = 24;

  private Summary() {}

  /**
   * Formats the table for a network.
   *
   * @param modelName the name in the title line
   * @param inputShape the network input shape without the batch axis
   * @param layers the layers in declaration order
   */
  public static String format(String modelName, int[] inputShape, List<Layer> layers) {
    boolean graph = !isChain(layers);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Layer (type)", "Output Shape", "Param #", graph ? "Connected to" : ""});
    rows.add(new String[] {"input (InputLayer)", shape(inputShape), "0", ""});
    for (Layer layer : layers) {
      rows.add(
          new String[] {
            layer.name() + " (" + layer.type() + ")",
            shape(layer.outputShape()),
            group(layer.paramCount()),
            graph ? String.join(", ", layer.inputs()) : ""
          });
    }
    int[] widths = widths(rows, graph);
    int width = widths[0] + widths[1] + widths[2] + widths[3];
    String thin = "_".repeat(width);
    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(modelName).append("\"\n").append(thin).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      row(out, rows.get(i), widths);
      if (i == 0) {
        out.append("=".repeat(width)).append('\n');
      }
    }
    out.append("=".repeat(width)).append('\n');
    long total = 0;
    long trainable = 0;
    for (Layer layer : layers) {
      total += layer.paramCount();
      trainable += layer.trainableParamCount();
    }
    out.append("Total params: ").append(withBytes(total)).append('\n');
    out.append("Trainable params: ").append(withBytes(trainable)).append('\n');
    out.append("Non-trainable params: ").append(withBytes(total - trainable)).append('\n');
    out.append(thin).append('\n');
    return out.toString();
  }

  /**
   * Column widths: Keras's, or wider where a cell needs it (a cell is followed by at least two
   * spaces; the name column also has a leading one). The last column has width only in a graph.
   */
  private static int[] widths(List<String[]> rows, boolean graph) {
    int[] widths = {NAME_WIDTH, SHAPE_WIDTH, PARAM_WIDTH, graph ? FROM_WIDTH : 0};
    for (String[] row : rows) {
      widths[0] = Math.max(widths[0], row[0].length() + 3);
      widths[1] = Math.max(widths[1], row[1].length() + 2);
      widths[2] = Math.max(widths[2], row[2].length() + 2);
      if (graph) {
        widths[3] = Math.max(widths[3], row[3].length());
      }
    }
    return widths;
  }

  /** Keras's shape notation with the batch axis: {@code (None, 64, 64, 3)}. */
  public static String shape(int[] dims) {
    List<String> parts = new ArrayList<>();
    parts.add("None");
    for (int d : dims) {
      parts.add(Integer.toString(d));
    }
    return "(" + String.join(", ", parts) + ")";
  }

  /** A count with thousands separators: {@code 30,485}. */
  public static String group(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String withBytes(long params) {
    double bytes = params * 4.0;
    String unit;
    if (bytes >= 1024 * 1024) {
      unit = String.format(Locale.ROOT, "%.2f MB", bytes / (1024 * 1024));
    } else if (bytes >= 1024) {
      unit = String.format(Locale.ROOT, "%.2f KB", bytes / 1024);
    } else {
      unit = String.format(Locale.ROOT, "%.0f B", bytes);
    }
    return group(params) + " (" + unit + ")";
  }

  private static boolean isChain(List<Layer> layers) {
    String previous = "input";
    for (Layer layer : layers) {
      if (!layer.inputs().equals(List.of(previous))) {
        return false;
      }
      previous = layer.name();
    }
    return true;
  }

  private static void row(StringBuilder out, String[] cells, int[] widths) {
    String line =
        pad(" " + cells[0], widths[0])
            + pad(cells[1], widths[1])
            + pad(cells[2], widths[2])
            + cells[3];
    out.append(line.stripTrailing()).append('\n');
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
