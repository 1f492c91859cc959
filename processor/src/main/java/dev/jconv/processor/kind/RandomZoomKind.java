package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code RandomZoom}: positive factors zoom out, negative zoom in. */
final class RandomZoomKind extends AugmentationKind<LayerSpec.RandomZoom> {
  /** Keras needs factors above -1; the runtime's zoom stops just short of it. */
  private static final double MIN = -0.999;

  RandomZoomKind(LayerSpec.RandomZoom spec) {
    super(spec);
  }

  static LayerSpec.RandomZoom read(LayerAttributes a) {
    return new LayerSpec.RandomZoom(
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
    factor(check, "heightFactor", spec.heightFactor(), MIN, Double.MAX_VALUE);
    if (!spec.widthFactor().isEmpty()) {
      factor(check, "widthFactor", spec.widthFactor(), MIN, Double.MAX_VALUE);
    }
    sampling(check, spec.fillMode(), spec.interpolation(), spec.fillValue());
  }

  @Override
  String method() {
    return "zoom";
  }

  @Override
  CodeBlock arguments() {
    double[] h = symmetric(spec.heightFactor());
    boolean keepAspect = spec.widthFactor().isEmpty();
    double[] w = keepAspect ? h : symmetric(spec.widthFactor());
    return CodeBlock.builder()
        .add(
            ", $L, $L, $L, $L, $L",
            literal(h[0]),
            literal(h[1]),
            literal(w[0]),
            literal(w[1]),
            keepAspect)
        .add(sampling(spec.fillMode(), spec.fillValue(), spec.interpolation()))
        .build();
  }

  @Override
  String describe() {
    return "y = x zoomed by 1 + a factor in "
        + show(spec.heightFactor())
        + (spec.widthFactor().isEmpty()
            ? ""
            : " (height), " + show(spec.widthFactor()) + " (width)")
        + ", fill "
        + spec.fillMode();
  }
}
