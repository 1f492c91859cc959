package dev.jconv.processor.kind;

import dev.jconv.processor.diag.Report;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of layer kinds: the one place that maps an annotation to the kind that reads it and
 * a spec to the kind that checks, infers and emits it. Adding a kind is its annotation, its spec
 * record, its kind class and one line here; {@code KindsTest} fails when a spec or an annotation
 * has no kind.
 */
public final class Kinds {
  /** How to read one kind's annotation and how to make its kind for a spec. */
  private record Entry<S extends LayerSpec>(
      Class<S> type, Function<LayerAttributes, S> reader, Function<S, LayerKind<S>> kind) {
    LayerKind<S> of(LayerSpec spec) {
      return kind.apply(type.cast(spec));
    }
  }

  private static final Map<String, Entry<?>> BY_ANNOTATION = new LinkedHashMap<>();
  private static final Map<Class<?>, Entry<?>> BY_SPEC = new LinkedHashMap<>();

  static {
    add("Conv2D", LayerSpec.Conv2D.class, Conv2DKind::read, Conv2DKind::new);
    add(
        "DepthwiseConv2D",
        LayerSpec.DepthwiseConv2D.class,
        DepthwiseConv2DKind::read,
        DepthwiseConv2DKind::new);
    add(
        "SeparableConv2D",
        LayerSpec.SeparableConv2D.class,
        SeparableConv2DKind::read,
        SeparableConv2DKind::new);
    add(
        "MaxPooling2D",
        LayerSpec.MaxPooling2D.class,
        MaxPooling2DKind::read,
        MaxPooling2DKind::new);
    add(
        "AveragePooling2D",
        LayerSpec.AveragePooling2D.class,
        AveragePooling2DKind::read,
        AveragePooling2DKind::new);
    add(
        "GlobalAveragePooling2D",
        LayerSpec.GlobalAveragePooling2D.class,
        GlobalAveragePooling2DKind::read,
        GlobalAveragePooling2DKind::new);
    add(
        "GlobalMaxPooling2D",
        LayerSpec.GlobalMaxPooling2D.class,
        GlobalMaxPooling2DKind::read,
        GlobalMaxPooling2DKind::new);
    add(
        "ZeroPadding2D",
        LayerSpec.ZeroPadding2D.class,
        ZeroPadding2DKind::read,
        ZeroPadding2DKind::new);
    add("Flatten", LayerSpec.Flatten.class, FlattenKind::read, FlattenKind::new);
    add("Dense", LayerSpec.Dense.class, DenseKind::read, DenseKind::new);
    add("Dropout", LayerSpec.Dropout.class, DropoutKind::read, DropoutKind::new);
    add(
        "BatchNormalization",
        LayerSpec.BatchNormalization.class,
        BatchNormalizationKind::read,
        BatchNormalizationKind::new);
    add("Activation", LayerSpec.Activation.class, ActivationKind::read, ActivationKind::new);
    add("Add", LayerSpec.Add.class, AddKind::read, AddKind::new);
    add("Concatenate", LayerSpec.Concatenate.class, ConcatenateKind::read, ConcatenateKind::new);
    add("Rescaling", LayerSpec.Rescaling.class, RescalingKind::read, RescalingKind::new);
    add("RandomFlip", LayerSpec.RandomFlip.class, RandomFlipKind::read, RandomFlipKind::new);
    add(
        "RandomTranslation",
        LayerSpec.RandomTranslation.class,
        RandomTranslationKind::read,
        RandomTranslationKind::new);
    add(
        "RandomRotation",
        LayerSpec.RandomRotation.class,
        RandomRotationKind::read,
        RandomRotationKind::new);
    add("RandomZoom", LayerSpec.RandomZoom.class, RandomZoomKind::read, RandomZoomKind::new);
    add(
        "RandomContrast",
        LayerSpec.RandomContrast.class,
        RandomContrastKind::read,
        RandomContrastKind::new);
    add(
        "RandomBrightness",
        LayerSpec.RandomBrightness.class,
        RandomBrightnessKind::read,
        RandomBrightnessKind::new);
    add(
        "GaussianNoise",
        LayerSpec.GaussianNoise.class,
        GaussianNoiseKind::read,
        GaussianNoiseKind::new);
  }

  private Kinds() {}

  private static <S extends LayerSpec> void add(
      String annotation,
      Class<S> type,
      Function<LayerAttributes, S> reader,
      Function<S, LayerKind<S>> kind) {
    Entry<S> entry = new Entry<>(type, reader, kind);
    BY_ANNOTATION.put(annotation, entry);
    BY_SPEC.put(type, entry);
  }

  /** Simple names of the layer annotations in {@code dev.jconv}. */
  public static Set<String> annotations() {
    return BY_ANNOTATION.keySet();
  }

  /** The spec classes that have a kind. */
  public static Set<Class<?>> specTypes() {
    return BY_SPEC.keySet();
  }

  /**
   * Reads one layer annotation, given by its simple name; null when an attribute had the wrong
   * number of values (reported through {@code attributes}).
   */
  public static LayerSpec read(String annotation, LayerAttributes attributes) {
    Entry<?> entry = BY_ANNOTATION.get(annotation);
    if (entry == null) {
      throw new IllegalArgumentException("not a layer annotation: " + annotation);
    }
    return entry.reader().apply(attributes);
  }

  /** The kind of {@code spec}. */
  public static LayerKind<?> of(LayerSpec spec) {
    Entry<?> entry = BY_SPEC.get(spec.getClass());
    if (entry == null) {
      throw new IllegalArgumentException("no layer kind for " + spec.getClass().getSimpleName());
    }
    return entry.of(spec);
  }

  /** The problems with {@code spec}'s attribute values on their own; empty when there are none. */
  public static List<Report> checkAttributes(LayerSpec spec) {
    if (spec instanceof LayerSpec.Invalid) {
      return List.of();
    }
    AttributeCheck check = new AttributeCheck(spec);
    of(spec).checkAttributes(check);
    return check.reports();
  }

  /**
   * Infers one layer: its kind's shape function, then the limits of Java arrays.
   *
   * @param spec the layer
   * @param inputs the input shapes, one per input
   * @param inputNames the input layers' names, for messages ({@code input} for the network input)
   */
  public static Inferred infer(LayerSpec spec, List<Shape> inputs, List<String> inputNames) {
    return LayerInference.checkSizes(spec, of(spec).infer(inputs, inputNames));
  }
}
