package dev.jconv.processor.model;

import java.util.List;
import java.util.Set;

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
 * @param frozen the layers declared with {@code trainable = false}, which the model starts frozen
 */
public record NetworkSpec(
    String packageName,
    String className,
    String modelName,
    SourceRef source,
    Shape input,
    long declaredParams,
    List<LayerSpec> layers,
    Set<String> frozen) {
  /** Compact constructor: the lists are immutable. */
  public NetworkSpec {
    layers = List.copyOf(layers);
    frozen = Set.copyOf(frozen);
  }

  /** A network in which every layer starts trainable. */
  public NetworkSpec(
      String packageName,
      String className,
      String modelName,
      SourceRef source,
      Shape input,
      long declaredParams,
      List<LayerSpec> layers) {
    this(packageName, className, modelName, source, input, declaredParams, layers, Set.of());
  }
}
