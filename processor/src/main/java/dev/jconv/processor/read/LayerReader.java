package dev.jconv.processor.read;

import dev.jconv.Activation.Fn;
import dev.jconv.Padding;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.SourceRef;
import java.util.List;
import java.util.Set;

/**
 * Turns one layer annotation into a {@link LayerSpec}, applying Keras's defaults and normalising
 * {@code int[]} attributes; a wrong number of values becomes a report.
 */
final class LayerReader {
  /** Simple names of the layer annotations in {@code dev.jconv}. */
  static final Set<String> LAYER_ANNOTATIONS =
      Set.of(
          "Conv2D",
          "DepthwiseConv2D",
          "SeparableConv2D",
          "MaxPooling2D",
          "AveragePooling2D",
          "GlobalAveragePooling2D",
          "GlobalMaxPooling2D",
          "ZeroPadding2D",
          "Flatten",
          "Dense",
          "Dropout",
          "BatchNormalization",
          "Activation",
          "Add",
          "Concatenate");

  private final String name;
  private final String type;
  private final SourceRef source;
  private final Attributes a;
  private final List<Report> reports;

  LayerReader(String name, String type, SourceRef source, Attributes a, List<Report> reports) {
    this.name = name;
    this.type = type;
    this.source = source;
    this.a = a;
    this.reports = reports;
  }

  /** The spec, or an {@link LayerSpec.Invalid} when an attribute has the wrong number of values. */
  LayerSpec read() {
    int before = reports.size();
    LayerSpec spec = build();
    return reports.size() == before ? spec : new LayerSpec.Invalid(name, source);
  }

  private LayerSpec build() {
    switch (type) {
      case "Conv2D":
        return new LayerSpec.Conv2D(
            name,
            from(),
            source,
            a.getInt("filters"),
            pair("kernelSize"),
            pair("strides"),
            padding(),
            pair("dilationRate"),
            activation(),
            a.getBoolean("useBias"));
      case "DepthwiseConv2D":
        return new LayerSpec.DepthwiseConv2D(
            name,
            from(),
            source,
            pair("kernelSize"),
            pair("strides"),
            padding(),
            a.getInt("depthMultiplier"),
            pair("dilationRate"),
            activation(),
            a.getBoolean("useBias"));
      case "SeparableConv2D":
        return new LayerSpec.SeparableConv2D(
            name,
            from(),
            source,
            a.getInt("filters"),
            pair("kernelSize"),
            pair("strides"),
            padding(),
            a.getInt("depthMultiplier"),
            pair("dilationRate"),
            activation(),
            a.getBoolean("useBias"));
      case "MaxPooling2D":
      case "AveragePooling2D":
        return pooling();
      case "GlobalAveragePooling2D":
        return new LayerSpec.GlobalAveragePooling2D(name, from(), source, a.getBoolean("keepdims"));
      case "GlobalMaxPooling2D":
        return new LayerSpec.GlobalMaxPooling2D(name, from(), source, a.getBoolean("keepdims"));
      case "ZeroPadding2D":
        return zeroPadding();
      case "Flatten":
        return new LayerSpec.Flatten(name, from(), source);
      case "Dense":
        return new LayerSpec.Dense(
            name, from(), source, a.getInt("units"), activation(), a.getBoolean("useBias"));
      case "Dropout":
        return new LayerSpec.Dropout(name, from(), source, a.getDouble("rate"));
      case "BatchNormalization":
        return new LayerSpec.BatchNormalization(
            name,
            from(),
            source,
            a.getDouble("momentum"),
            a.getDouble("epsilon"),
            a.getBoolean("center"),
            a.getBoolean("scale"));
      case "Activation":
        return new LayerSpec.Activation(name, from(), source, a.getEnum("value", Fn.class));
      case "Add":
        return new LayerSpec.Add(name, a.getStrings("from"), source);
      case "Concatenate":
        return new LayerSpec.Concatenate(name, a.getStrings("from"), source);
      default:
        throw new IllegalArgumentException("not a layer annotation: " + type);
    }
  }

  private List<String> from() {
    String from = a.getString("from");
    return from.isEmpty() ? List.of() : List.of(from);
  }

  private Padding padding() {
    return a.getEnum("padding", Padding.class);
  }

  private Fn activation() {
    return a.getEnum("activation", Fn.class);
  }

  /** {@code 3} or {@code {3, 5}} as a pair; anything else is reported. */
  private IntPair pair(String attribute) {
    List<Integer> v = a.getInts(attribute);
    if (v.size() == 1) {
      return IntPair.square(v.get(0));
    } else if (v.size() == 2) {
      return new IntPair(v.get(0), v.get(1));
    }
    arity(attribute, v, "one or two values", attribute + " = 3 or " + attribute + " = {3, 5}");
    return IntPair.square(1);
  }

  /** Pooling strides default to the pool size, read once so that a bad one is reported once. */
  private LayerSpec pooling() {
    IntPair poolSize = pair("poolSize");
    IntPair strides = a.getInts("strides").isEmpty() ? poolSize : pair("strides");
    return type.equals("MaxPooling2D")
        ? new LayerSpec.MaxPooling2D(name, from(), source, poolSize, strides, padding())
        : new LayerSpec.AveragePooling2D(name, from(), source, poolSize, strides, padding());
  }

  private LayerSpec zeroPadding() {
    List<Integer> p = a.getInts("padding");
    switch (p.size()) {
      case 1:
        return new LayerSpec.ZeroPadding2D(
            name, from(), source, p.get(0), p.get(0), p.get(0), p.get(0));
      case 2:
        return new LayerSpec.ZeroPadding2D(
            name, from(), source, p.get(0), p.get(0), p.get(1), p.get(1));
      case 4:
        return new LayerSpec.ZeroPadding2D(
            name, from(), source, p.get(0), p.get(1), p.get(2), p.get(3));
      default:
        arity(
            "padding",
            p,
            "1, 2 or 4 values",
            "padding = 1, {ph, pw} or {top, bottom, left, right}");
        return null;
    }
  }

  private void arity(String attribute, List<Integer> values, String expected, String example) {
    reports.add(
        Report.at(
            source,
            attribute,
            Diag.ATTRIBUTE_ARITY,
            name,
            type,
            attribute,
            braces(values),
            expected,
            example));
  }

  static String braces(List<Integer> values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return sb.append('}').toString();
  }
}
