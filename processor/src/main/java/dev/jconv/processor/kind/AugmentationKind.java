package dev.jconv.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Headers;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Shape3;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * What Keras's random augmentation layers share: no parameters, a copy at inference (the layout
 * gives every layer its own output, so the input cannot be aliased), and in training a forward of
 * their own that transforms each example through {@code dev.jconv.augment.AugmentationLayers},
 * seeded by the step seed, the layer's index and the example. They sit at the network input (a
 * compile error elsewhere), so no parameter lies before them; the input gradient passes through as
 * the identity, that is, it is the gradient with respect to the augmented image.
 *
 * @param <S> the layer spec
 */
abstract class AugmentationKind<S extends LayerSpec> extends LayerKind<S> {
  static final ClassName LAYERS = ClassName.get("dev.jconv.augment", "AugmentationLayers");
  static final ClassName FILL = ClassName.get("dev.jconv.augment", "Fill");
  static final ClassName INTERPOLATION = ClassName.get("dev.jconv.augment", "Interpolation");
  static final List<String> FILL_MODES = List.of("reflect", "wrap", "constant", "nearest");
  static final List<String> INTERPOLATIONS = List.of("bilinear", "nearest");

  AugmentationKind(S spec) {
    super(spec);
  }

  /** Whether the layer needs a (height, width, channels) input; all but GaussianNoise do. */
  boolean needsImage() {
    return true;
  }

  /** The transform's method in {@code AugmentationLayers}. */
  abstract String method();

  /** The arguments between the image's dimensions and the seed, with a leading comma. */
  abstract CodeBlock arguments();

  /** What the training forward does, for its Javadoc. */
  abstract String describe();

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    if (needsImage()) {
      Inferred notImage = LayerInference.needsImage(spec, inputs.get(0), inputNames.get(0));
      if (notImage != null) {
        return notImage;
      }
    }
    return new Inferred.Ok(inputs.get(0), List.of());
  }

  /** The identity: a copy into the layer's own output. */
  @Override
  public CodeBlock scalarForward(Site site) {
    return FlattenKind.copy(site);
  }

  /** The gradient with respect to the augmented image, passed through unchanged. */
  @Override
  public CodeBlock scalarBackward(Site site) {
    return Loops.guarded(Loops.loop(site.outSize(), "dx[dxo + i] += d[dyo + i]"));
  }

  /** A copy: the scalar twin is as fast. */
  @Override
  public CodeBlock simdForward(Site site) {
    return null;
  }

  @Override
  public Training training() {
    return Training.OWN_FORWARD;
  }

  /** One example through the runtime's transform, into the layer's output. */
  @Override
  public MethodSpec trainingForward(Site site) {
    Shape3 s = site.out();
    return MethodSpec.methodBuilder(site.name() + "ForwardTrain")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "$L",
            Headers.trainingForward(
                site.node(),
                site.layout(),
                describe() + ", drawn from {@code seed}, the layer's index and {@code example}"))
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "ao")
        .addParameter(long.class, "seed")
        .addParameter(int.class, "example")
        .addStatement(
            "$T.$L(x, xo, a, ao + $L, $L, $L, $L$L, seed, $L, example)",
            LAYERS,
            method(),
            site.outOffset(),
            s.h(),
            s.w(),
            s.c(),
            arguments(),
            site.index())
        .build();
  }

  /** {@code [-|f|, |f|]} for one value, {@code [lower, upper]} for two. */
  static double[] symmetric(List<Double> factor) {
    if (factor.size() == 1) {
      double f = Math.abs(factor.get(0));
      return new double[] {-f, f};
    }
    return new double[] {factor.get(0), factor.get(1)};
  }

  /** The fill mode and value and the interpolation, as arguments. */
  static CodeBlock sampling(String fillMode, double fillValue, String interpolation) {
    return CodeBlock.of(
        ", $T.$L, $L, $T.$L",
        FILL,
        fillMode.toUpperCase(Locale.ROOT),
        Loops.floatLiteral(fillValue),
        INTERPOLATION,
        interpolation.toUpperCase(Locale.ROOT));
  }

  /** A double argument, exactly as read. */
  static String literal(double v) {
    return v + "";
  }

  /** Checks a factor of one or two finite values with {@code lower <= upper}, inside bounds. */
  boolean factor(
      AttributeCheck check, String attribute, List<Double> factor, double min, double max) {
    if (!arity(check, attribute, factor)) {
      return false;
    }
    double[] range = symmetric(factor);
    boolean finite = Double.isFinite(range[0]) && Double.isFinite(range[1]);
    if (!finite || range[0] > range[1] || range[0] < min || range[1] > max) {
      String within =
          min == -Double.MAX_VALUE ? "" : " within [" + bound(min) + ", " + bound(max) + "]";
      check.add(
          attribute,
          Diag.AUGMENTATION_RANGE,
          spec.name(),
          spec.kerasType(),
          attribute,
          show(factor),
          "be finite" + (factor.size() == 2 ? ", with lower <= upper" : "") + within,
          attribute,
          "0.1");
      return false;
    }
    return true;
  }

  /** One value or two. */
  boolean arity(AttributeCheck check, String attribute, List<Double> factor) {
    if (factor.isEmpty() || factor.size() > 2) {
      check.add(
          attribute,
          Diag.ATTRIBUTE_ARITY,
          spec.name(),
          spec.kerasType(),
          attribute,
          show(factor),
          "one value or two (lower, upper)",
          attribute + " = 0.1 or " + attribute + " = {-0.1, 0.2}");
      return false;
    }
    return true;
  }

  /** Checks that {@code value} is one of {@code allowed}. */
  void oneOf(AttributeCheck check, String attribute, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      check.add(
          attribute,
          Diag.UNKNOWN_MODE,
          spec.name(),
          spec.kerasType(),
          attribute,
          value,
          "\"" + String.join("\", \"", allowed) + "\"");
    }
  }

  /** Checks the fill mode, interpolation and fill value of a geometric layer. */
  void sampling(AttributeCheck check, String fillMode, String interpolation, double fillValue) {
    oneOf(check, "fillMode", fillMode, FILL_MODES);
    oneOf(check, "interpolation", interpolation, INTERPOLATIONS);
    if (!Double.isFinite(fillValue)) {
      check.add(
          "fillValue",
          Diag.AUGMENTATION_RANGE,
          spec.name(),
          spec.kerasType(),
          "fillValue",
          fillValue,
          "be finite",
          "fillValue",
          "0");
    }
  }

  /** Checks a value range {@code {low, high}} with {@code low < high}. */
  void valueRange(AttributeCheck check, List<Double> range) {
    if (range.size() != 2
        || !Double.isFinite(range.get(0))
        || !Double.isFinite(range.get(1))
        || !(range.get(0) < range.get(1))) {
      check.add(
          "valueRange",
          Diag.AUGMENTATION_RANGE,
          spec.name(),
          spec.kerasType(),
          "valueRange",
          show(range),
          "be two finite values {low, high} with low < high",
          "valueRange",
          "{0, 1}");
    }
  }

  static String show(List<Double> values) {
    if (values.size() == 1) {
      return number(values.get(0));
    }
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(number(values.get(i)));
    }
    return b.append('}').toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String bound(double v) {
    return v == Double.MAX_VALUE ? "inf" : number(v);
  }
}
