package dev.jconv.processor.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test network: the class name, the input shape and the layers in declaration order. It renders
 * itself as the Java source of a {@code @Network} class and resolves inputs and shapes from Keras's
 * definitions, without the processor.
 */
record NetDef(String packageName, String className, Dims input, List<LayerDef> layers) {
  /** The name layers use for the network input. */
  static final String INPUT = "input";

  NetDef {
    layers = List.copyOf(layers);
  }

  String qualifiedName() {
    return packageName + "." + className;
  }

  /**
   * The fields a layer reads: its {@code from}, or the previous field (the input for the first).
   */
  List<String> inputsOf(int index) {
    LayerDef layer = layers.get(index);
    if (!layer.from().isEmpty()) {
      return layer.from();
    }
    return List.of(index == 0 ? INPUT : layers.get(index - 1).name());
  }

  /** Every layer's output shape, by name, with the input under {@link #INPUT}. */
  Map<String, Dims> shapes() {
    Map<String, Dims> shapes = new LinkedHashMap<>();
    shapes.put(INPUT, input);
    for (int i = 0; i < layers.size(); i++) {
      shapes.put(layers.get(i).name(), layers.get(i).output(inputShapes(i, shapes)));
    }
    return shapes;
  }

  /** The input shapes of layer {@code index}, given the shapes of the layers before it. */
  List<Dims> inputShapes(int index, Map<String, Dims> shapes) {
    List<Dims> in = new ArrayList<>();
    for (String name : inputsOf(index)) {
      in.add(shapes.get(name));
    }
    return in;
  }

  /** The shape of the last layer's output. */
  Dims outputShape() {
    return shapes().get(layers.get(layers.size() - 1).name());
  }

  /** The Java source of the {@code @Network} class. */
  String source() {
    StringBuilder s = new StringBuilder();
    s.append("package ").append(packageName).append(";\n\n");
    s.append("import static dev.jconv.Activation.Fn.*;\n");
    s.append("import static dev.jconv.Padding.*;\n\n");
    s.append("import dev.jconv.*;\n\n");
    s.append("@Network(input = {");
    int[] dims = input.dims();
    for (int i = 0; i < dims.length; i++) {
      s.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    s.append("})\n");
    s.append("public abstract class ").append(className).append(" {\n");
    for (LayerDef layer : layers) {
      s.append("  ").append(layer.declaration()).append('\n');
    }
    return s.append("}\n").toString();
  }

  /** The source with line numbers, for failure messages. */
  String numberedSource() {
    String[] lines = source().split("\n", -1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      s.append(String.format("%3d  %s%n", i + 1, lines[i]));
    }
    return s.toString();
  }
}
