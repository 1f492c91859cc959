package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code RandomRotation}: a turn about the centre by a fraction of 2 pi. */
final class RandomRotationKind extends AugmentationKind<LayerSpec.RandomRotation> {
  RandomRotationKind(LayerSpec.RandomRotation spec) {
    super(spec);
  }

  static LayerSpec.RandomRotation read(LayerAttributes a) {
    return new LayerSpec.RandomRotation(
        a.name(),
        a.from(),
        a.source(),
        a.getDoubles("factor"),
        a.getString("fillMode"),
        a.getString("interpolation"),
        a.getDouble("fillValue"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    factor(check, "factor", spec.factor(), -Double.MAX_VALUE, Double.MAX_VALUE);
    sampling(check, spec.fillMode(), spec.interpolation(), spec.fillValue());
  }

  @Override
  String method() {
    return "rotate";
  }

  @Override
  CodeBlock arguments() {
    double[] f = symmetric(spec.factor());
    return CodeBlock.builder()
        .add(", $L, $L", literal(f[0]), literal(f[1]))
        .add(sampling(spec.fillMode(), spec.fillValue(), spec.interpolation()))
        .build();
  }

  @Override
  String describe() {
    return "y = x rotated by a fraction of a turn in "
        + show(spec.factor())
        + ", fill "
        + spec.fillMode();
  }
}
