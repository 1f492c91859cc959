package dev.jconv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats a Keras-like {@code model.summary()} table: layer (type), output shape, parameter count,
 * and the inputs when the network is not a plain chain.
 */
public final class Summary {
  private static final int NAME_WIDTH = 34;
  private static final int SHAPE_WIDTH = 22;
  private static final int PARAM_WIDTH = 13;

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
    int width = NAME_WIDTH + SHAPE_WIDTH + PARAM_WIDTH + (graph ? 24 : 0);
    String thin = "_".repeat(width);
    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(modelName).append("\"\n").append(thin).append('\n');
    row(out, "Layer (type)", "Output Shape", "Param #", graph ? "Connected to" : null);
    out.append("=".repeat(width)).append('\n');
    row(out, "input (InputLayer)", shape(inputShape), "0", graph ? "" : null);
    for (Layer layer : layers) {
      String from = graph ? String.join(", ", layer.inputs()) : null;
      row(
          out,
          layer.name() + " (" + layer.type() + ")",
          shape(layer.outputShape()),
          group(layer.paramCount()),
          from);
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

  private static void row(
      StringBuilder out, String name, String shape, String params, String from) {
    String line = pad(" " + name, NAME_WIDTH) + pad(shape, SHAPE_WIDTH) + pad(params, PARAM_WIDTH);
    if (from != null) {
      line += from;
    }
    out.append(line.stripTrailing()).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width - 1 ? s + " " : s + " ".repeat(width - s.length());
  }
}
