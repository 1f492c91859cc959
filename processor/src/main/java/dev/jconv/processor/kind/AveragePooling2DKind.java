package dev.jconv.processor.kind;

import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code AveragePooling2D}: the mean of each window's real cells. */
final class AveragePooling2DKind extends PoolingKind<LayerSpec.AveragePooling2D> {
  AveragePooling2DKind(LayerSpec.AveragePooling2D spec) {
    super(spec, spec.window(), false);
  }

  static LayerSpec.AveragePooling2D read(LayerAttributes a) {
    IntPair poolSize = a.pair("poolSize");
    return new LayerSpec.AveragePooling2D(
        a.name(), a.from(), a.source(), poolSize, strides(a, poolSize), a.padding());
  }
}
