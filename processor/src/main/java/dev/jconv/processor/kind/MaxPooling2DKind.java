package dev.jconv.processor.kind;

import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code MaxPooling2D}: the largest value of each window. */
final class MaxPooling2DKind extends PoolingKind<LayerSpec.MaxPooling2D> {
  MaxPooling2DKind(LayerSpec.MaxPooling2D spec) {
    super(spec, spec.window(), true);
  }

  static LayerSpec.MaxPooling2D read(LayerAttributes a) {
    IntPair poolSize = a.pair("poolSize");
    return new LayerSpec.MaxPooling2D(
        a.name(), a.from(), a.source(), poolSize, strides(a, poolSize), a.padding());
  }
}
