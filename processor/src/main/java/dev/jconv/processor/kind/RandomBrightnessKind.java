package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code RandomBrightness}: an offset of a fraction of the value range, clipped to it. */
final class RandomBrightnessKind extends AugmentationKind<LayerSpec.RandomBrightness> {
  RandomBrightnessKind(LayerSpec.RandomBrightness spec) {
    super(spec);
  }

  static LayerSpec.RandomBrightness read(LayerAttributes a) {
    return new LayerSpec.RandomBrightness(
        a.name(), a.from(), a.source(), a.getDoubles("factor"), a.getDoubles("valueRange"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    factor(check, "factor", spec.factor(), -1, 1);
    valueRange(check, spec.valueRange());
  }

  @Override
  String method() {
    return "brightness";
  }

  @Override
  CodeBlock arguments() {
    double[] f = symmetric(spec.factor());
    return CodeBlock.of(
        ", $L, $L, $L, $L",
        literal(f[0]),
        literal(f[1]),
        Loops.floatLiteral(spec.valueRange().get(0)),
        Loops.floatLiteral(spec.valueRange().get(1)));
  }

  @Override
  String describe() {
    return "y = x + f * (high - low), f in "
        + show(spec.factor())
        + ", clipped to "
        + show(spec.valueRange());
  }
}
