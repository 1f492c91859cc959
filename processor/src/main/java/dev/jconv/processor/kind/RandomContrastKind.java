package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.model.LayerSpec;
import java.util.List;

/**
 * Keras's {@code RandomContrast}: per channel {@code (x - mean) * f + mean}, {@code f} in {@code [1
 * - lower, 1 + upper]}, clipped to the value range.
 */
final class RandomContrastKind extends AugmentationKind<LayerSpec.RandomContrast> {
  /** The largest factor, as the runtime's contrast transform allows. */
  private static final double MAX = 1e3;

  RandomContrastKind(LayerSpec.RandomContrast spec) {
    super(spec);
  }

  static LayerSpec.RandomContrast read(LayerAttributes a) {
    return new LayerSpec.RandomContrast(
        a.name(), a.from(), a.source(), a.getDoubles("factor"), a.getDoubles("valueRange"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    if (arity(check, "factor", spec.factor())) {
      double[] b = bounds();
      // lower in [0, 1] keeps the factor non-negative, as Keras requires.
      if (!(b[0] >= 0 && b[0] <= 1 && b[1] >= 1 && b[1] <= MAX)) {
        check.add(
            "factor",
            Diag.AUGMENTATION_RANGE,
            spec.name(),
            spec.kerasType(),
            "factor",
            show(spec.factor()),
            "have lower in [0, 1] and upper in [0, "
                + (long) (MAX - 1)
                + "]: the contrast factor is"
                + " drawn from [1 - lower, 1 + upper]",
            "factor",
            "0.2");
      }
    }
    valueRange(check, spec.valueRange());
  }

  /** {@code [1 - lower, 1 + upper]}. */
  private double[] bounds() {
    List<Double> f = spec.factor();
    double lower = f.get(0);
    double upper = f.size() == 2 ? f.get(1) : lower;
    return new double[] {1 - lower, 1 + upper};
  }

  @Override
  String method() {
    return "contrast";
  }

  @Override
  CodeBlock arguments() {
    double[] b = bounds();
    return CodeBlock.of(
        ", $L, $L, $L, $L",
        literal(b[0]),
        literal(b[1]),
        Loops.floatLiteral(spec.valueRange().get(0)),
        Loops.floatLiteral(spec.valueRange().get(1)));
  }

  @Override
  String describe() {
    double[] b = bounds();
    return "y = (x - mean) * f + mean per channel, f in ["
        + b[0]
        + ", "
        + b[1]
        + "], clipped to "
        + show(spec.valueRange());
  }
}
