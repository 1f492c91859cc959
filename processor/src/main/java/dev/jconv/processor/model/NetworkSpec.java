package dev.jconv.processor.model;

import java.util.List;

/**
 * A declared network as read from source: the class, its {@code @Network} attributes and its layers
 * in declaration order. Nothing here has been checked beyond what reading needs, and a network with
 * reading errors still has a spec, so that its other layers are checked too.
 *
 * @param packageName the package of the annotated class ("" for the unnamed package)
 * @param className the simple name of the annotated class
 * @param modelName the simple name of the class to generate
 * @param source the class and its {@code @Network} annotation
 * @param input the declared input shape, or null when it is invalid (reported)
 * @param declaredParams the {@code params} attribute, or -1 when absent
 * @param layers the layer fields in declaration order
 */
public record NetworkSpec(
    String packageName,
    String className,
    String modelName,
    SourceRef source,
    Shape input,
    long declaredParams,
    List<LayerSpec> layers) {
  /** Compact constructor: the layer list is immutable. */
  public NetworkSpec {
    layers = List.copyOf(layers);
  }
}
