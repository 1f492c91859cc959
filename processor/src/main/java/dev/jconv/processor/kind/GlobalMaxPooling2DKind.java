package dev.jconv.processor.kind;

import dev.jconv.processor.model.LayerSpec;

/** Keras's {@code GlobalMaxPooling2D}: the largest value of each channel. */
final class GlobalMaxPooling2DKind extends GlobalPoolingKind<LayerSpec.GlobalMaxPooling2D> {
  GlobalMaxPooling2DKind(LayerSpec.GlobalMaxPooling2D spec) {
    super(spec, spec.keepdims(), true);
  }

  static LayerSpec.GlobalMaxPooling2D read(LayerAttributes a) {
    return new LayerSpec.GlobalMaxPooling2D(
        a.name(), a.from(), a.source(), a.getBoolean("keepdims"));
  }
}
