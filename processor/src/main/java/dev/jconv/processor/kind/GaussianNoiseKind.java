package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code GaussianNoise}: N(0, stddev) added to every value in training, not clipped. */
final class GaussianNoiseKind extends AugmentationKind<LayerSpec.GaussianNoise> {
  GaussianNoiseKind(LayerSpec.GaussianNoise spec) {
    super(spec);
  }

  static LayerSpec.GaussianNoise read(LayerAttributes a) {
    return new LayerSpec.GaussianNoise(a.name(), a.from(), a.source(), a.getDouble("stddev"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    double s = spec.stddev();
    if (!(s >= 0) || Double.isInfinite(s)) {
      check.add(
          "stddev",
          Diag.AUGMENTATION_RANGE,
          spec.name(),
          spec.kerasType(),
          "stddev",
          s,
          "be finite and at least 0",
          "stddev",
          "0.1");
    }
  }

  /** Any shape: the noise is elementwise. */
  @Override
  boolean needsImage() {
    return false;
  }

  @Override
  String method() {
    return "noise";
  }

  @Override
  CodeBlock arguments() {
    return CodeBlock.of(", $L", literal(spec.stddev()));
  }

  @Override
  String describe() {
    return "y = x + N(0, " + spec.stddev() + ") per value";
  }
}
