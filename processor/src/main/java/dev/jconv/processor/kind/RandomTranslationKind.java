package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code RandomTranslation}: a shift by fractions of the height and width. */
final class RandomTranslationKind extends AugmentationKind<LayerSpec.RandomTranslation> {
  RandomTranslationKind(LayerSpec.RandomTranslation spec) {
    super(spec);
  }

  static LayerSpec.RandomTranslation read(LayerAttributes a) {
    return new LayerSpec.RandomTranslation(
        a.name(),
        a.from(),
        a.source(),
        a.getDoubles("heightFactor"),
        a.getDoubles("widthFactor"),
        a.getString("fillMode"),
        a.getString("interpolation"),
        a.getDouble("fillValue"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    factor(check, "heightFactor", spec.heightFactor(), -1, 1);
    factor(check, "widthFactor", spec.widthFactor(), -1, 1);
    sampling(check, spec.fillMode(), spec.interpolation(), spec.fillValue());
  }

  @Override
  String method() {
    return "translate";
  }

  @Override
  CodeBlock arguments() {
    double[] h = symmetric(spec.heightFactor());
    double[] w = symmetric(spec.widthFactor());
    return CodeBlock.builder()
        .add(", $L, $L, $L, $L", literal(h[0]), literal(h[1]), literal(w[0]), literal(w[1]))
        .add(sampling(spec.fillMode(), spec.fillValue(), spec.interpolation()))
        .build();
  }

  @Override
  String describe() {
    return "y = x shifted by a fraction of the height in "
        + show(spec.heightFactor())
        + " and of the width in "
        + show(spec.widthFactor())
        + ", fill "
        + spec.fillMode();
  }
}
