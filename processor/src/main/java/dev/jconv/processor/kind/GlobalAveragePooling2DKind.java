package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/** Keras's {@code GlobalAveragePooling2D}: the mean of each channel. */
final class GlobalAveragePooling2DKind extends LayerKind<LayerSpec.GlobalAveragePooling2D> {
  private static final boolean MAX = false;

  GlobalAveragePooling2DKind(LayerSpec.GlobalAveragePooling2D spec) {
    super(spec);
  }

  static LayerSpec.GlobalAveragePooling2D read(LayerAttributes a) {
    return new LayerSpec.GlobalAveragePooling2D(
        a.name(), a.from(), a.source(), a.getBoolean("keepdims"));
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    return GlobalPooling.infer(spec, inputs.get(0), inputNames.get(0), spec.keepdims());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return GlobalPooling.scalarForward(site, MAX);
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    return GlobalPooling.scalarBackward(site, MAX);
  }

  @Override
  public CodeBlock simdForward(Site site) {
    return GlobalPooling.simdForward(site, MAX);
  }
}
