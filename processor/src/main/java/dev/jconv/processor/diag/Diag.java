package dev.jconv.processor.diag;

import javax.tools.Diagnostic.Kind;

/**
 * The catalogue of every diagnostic the processor reports: a stable id that tests and users can
 * search for, its kind, and a format string. Messages name the layer, its type, the shapes involved
 * and, where there is one, the fix.
 */
public enum Diag {
  // The @Network class itself.
  NETWORK_NOT_CLASS("network-not-class", Kind.ERROR, "@Network must annotate a class, not %s %s"),
  NETWORK_MODIFIER(
      "network-modifier",
      Kind.ERROR,
      "@Network class %s must not be %s: the generated %s extends it; remove '%s'"),
  NETWORK_INNER(
      "network-inner",
      Kind.ERROR,
      "@Network class %s is an inner class; make it static or top-level so %s can extend it"),
  NETWORK_CONSTRUCTOR(
      "network-constructor",
      Kind.ERROR,
      "@Network class %s has no non-private constructor without parameters that throws no checked"
          + " exception; %s needs one to extend it"),
  NETWORK_EXTENDS_NETWORK(
      "network-extends-network",
      Kind.ERROR,
      "@Network class %s extends @Network class %s, whose layers would not be part of %s;"
          + " layers are not inherited: declare them in %s, or extend a class without @Network"),
  NO_NETWORK(
      "no-network",
      Kind.ERROR,
      "'%s' has @%s, but class %s is not annotated @Network, so this layer is never checked or"
          + " built (layers are not inherited); annotate %s with @Network or remove the"
          + " annotation"),
  MEMBER_CLASH(
      "member-clash", Kind.ERROR, "%s '%s' of %s clashes with the generated %s: %s; rename it"),
  MODEL_EXISTS(
      "model-exists",
      Kind.ERROR,
      "@Network class %s generates %s, but a type of that name already exists or is generated for"
          + " another @Network class; rename one of them"),
  INPUT_SHAPE(
      "input-shape",
      Kind.ERROR,
      "@Network(input = %s) of %s must be {height, width, channels} or {features}, every size"
          + " positive and at most 2,147,483,647 elements in all, e.g. input = {28, 28, 1}"),
  NO_LAYERS(
      "no-layers",
      Kind.ERROR,
      "@Network class %s declares no layers; add fields such as '@Dense(units = 10) Layer out;'"),

  // Layer fields.
  FIELD_MODIFIER(
      "field-modifier",
      Kind.ERROR,
      "layer field '%s' must not be %s: the generated model sets it; declare it as 'Layer %s;'"),
  FIELD_TYPE("field-type", Kind.ERROR, "layer field '%s' has type %s; declare it as 'Layer %s;'"),
  MULTIPLE_LAYERS(
      "multiple-layers",
      Kind.ERROR,
      "field '%s' has %d layer annotations (%s); a field declares one layer, so split it into"
          + " several fields"),
  MISSING_LAYER(
      "missing-layer",
      Kind.ERROR,
      "field '%s' of type Layer in @Network class %s has no layer annotation; annotate it (e.g."
          + " @Dense(units = 10)) or remove it"),

  // Attribute values.
  ATTRIBUTE_ARITY("attribute-arity", Kind.ERROR, "'%s' (%s): %s = %s must have %s, e.g. %s"),
  NON_POSITIVE("non-positive", Kind.ERROR, "'%s' (%s): %s = %s must be positive"),
  NEGATIVE("negative", Kind.ERROR, "'%s' (%s): %s = %s must not be negative"),
  RATE_RANGE(
      "rate-range",
      Kind.ERROR,
      "'%s' (Dropout): rate = %s must be in [0, 1): it is the fraction of inputs dropped"),
  MOMENTUM_RANGE(
      "momentum-range", Kind.ERROR, "'%s' (BatchNormalization): momentum = %s must be in [0, 1]"),
  EPSILON_RANGE(
      "epsilon-range",
      Kind.ERROR,
      "'%s' (BatchNormalization): epsilon = %s must be positive (Keras's default is 0.001)"),
  AUGMENTATION_RANGE("augmentation-range", Kind.ERROR, "'%s' (%s): %s = %s must %s, e.g. %s = %s"),
  UNKNOWN_MODE("unknown-mode", Kind.ERROR, "'%s' (%s): %s = \"%s\" is not one of %s"),
  STRIDES_WITH_DILATION(
      "strides-with-dilation",
      Kind.ERROR,
      "'%s' (%s): strides = %s with dilationRate = %s; strides must be 1 when the dilation rate"
          + " is not 1 (as in Keras)"),

  // The layer graph.
  FROM_UNKNOWN("from-unknown", Kind.ERROR, "'%s' (%s): from = \"%s\" names no layer field of %s%s"),
  RESERVED_NAME(
      "reserved-name",
      Kind.ERROR,
      "layer field '%s': the name \"input\" is reserved for the network input (from = \"input\");"
          + " rename the field, e.g. to 'input_%s'"),
  FROM_SELF(
      "from-self",
      Kind.ERROR,
      "'%s' (%s): from = \"%s\" names the layer itself; a layer reads an earlier field"),
  FROM_LATER(
      "from-later",
      Kind.ERROR,
      "'%s' (%s): from = \"%s\" names a later field; a layer reads only earlier fields, so"
          + " declare '%s' before '%s'"),
  AUGMENTATION_NOT_AT_INPUT(
      "augmentation-not-at-input",
      Kind.ERROR,
      "'%s' (%s) reads %s, but an augmentation layer must sit at the network input: read"
          + " \"input\" directly or after other augmentation or Rescaling layers (it has no"
          + " backward pass to the layers before it); declare '%s' before the first other layer"),
  MERGE_INPUTS(
      "merge-inputs",
      Kind.ERROR,
      "'%s' (%s): from = %s names %d layer(s); %s merges at least two, e.g. from = {\"a\","
          + " \"b\"}"),

  // Shapes.
  NEEDS_IMAGE(
      "needs-image",
      Kind.ERROR,
      "'%s' (%s) needs a (height, width, channels) input but %s gives %s"),
  DENSE_NEEDS_FLAT(
      "dense-needs-flat",
      Kind.ERROR,
      "'%s' (Dense) is fed %s by %s, a 3-D tensor; add @Flatten or @GlobalAveragePooling2D"
          + " before '%s'"),
  KERNEL_TOO_LARGE(
      "kernel-too-large",
      Kind.ERROR,
      "'%s' (%s): kernel %s%s is larger than its input %s%s with padding = VALID; use padding ="
          + " SAME, a smaller kernelSize, or less downsampling before it"),
  POOL_TOO_LARGE(
      "pool-too-large",
      Kind.ERROR,
      "'%s' (%s): pool window %s is larger than its input %s with padding = VALID; use padding ="
          + " SAME, a smaller poolSize, or less downsampling before it"),
  TOO_LARGE(
      "too-large",
      Kind.ERROR,
      "'%s' (%s): %s has %s elements, more than a Java array holds (2,147,483,647)"),
  ADD_SHAPES(
      "add-shapes",
      Kind.ERROR,
      "'%s' (Add): inputs have different shapes: %s; Add needs equal shapes (project the"
          + " shortcut with a 1x1 Conv2D with the same strides and filters)"),
  CONCAT_SHAPES(
      "concat-shapes",
      Kind.ERROR,
      "'%s' (Concatenate): inputs differ in %s: %s; Concatenate joins on the channel axis and"
          + " needs the other axes equal"),

  // The whole network.
  PARAMS_MISMATCH(
      "params-mismatch",
      Kind.ERROR,
      "@Network(params = %s) but %s has %s parameters (%s trainable, %s non-trainable); per"
          + " layer: %s"),
  UNUSED_OUTPUT(
      "unused-output",
      Kind.WARNING,
      "'%s' (%s): output %s is read by no later layer and is not the network output (the last"
          + " field); read it with from = \"%s\" or remove the field"),
  SUMMARY("summary", Kind.NOTE, "%s"),
  CODEGEN_PATH("codegen-path", Kind.NOTE, "%s: generated %s: %s"),
  INTERNAL(
      "internal",
      Kind.ERROR,
      "internal error in the jconv processor while processing %s: %s; please report it");

  private final String id;
  private final Kind kind;
  private final String format;

  Diag(String id, Kind kind, String format) {
    this.id = "jconv." + id;
    this.kind = kind;
    this.format = format;
  }

  /** The stable id, such as {@code jconv.kernel-too-large}. */
  public String id() {
    return id;
  }

  /** ERROR, WARNING or NOTE. */
  public Kind kind() {
    return kind;
  }

  /** The message with its id in front: {@code [jconv.kernel-too-large] 'conv3' ...}. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(java.util.Locale.ROOT, format, args);
  }
}
