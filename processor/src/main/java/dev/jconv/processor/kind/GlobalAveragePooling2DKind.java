package dev.jconv.processor.kind;

import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code GlobalAveragePooling2D}: the mean of each channel. */
final class GlobalAveragePooling2DKind extends GlobalPoolingKind<LayerSpec.GlobalAveragePooling2D> {
  GlobalAveragePooling2DKind(LayerSpec.GlobalAveragePooling2D spec) {
    super(spec, spec.keepdims(), false);
  }

  static LayerSpec.GlobalAveragePooling2D read(LayerAttributes a) {
    return new LayerSpec.GlobalAveragePooling2D(
        a.name(), a.from(), a.source(), a.getBoolean("keepdims"));
  }
}
