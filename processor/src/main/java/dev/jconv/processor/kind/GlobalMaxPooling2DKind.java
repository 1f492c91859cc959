package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/** Keras's {@code GlobalMaxPooling2D}: the largest value of each channel. */
final class GlobalMaxPooling2DKind extends LayerKind<LayerSpec.GlobalMaxPooling2D> {
  private static final boolean MAX = true;

  GlobalMaxPooling2DKind(LayerSpec.GlobalMaxPooling2D spec) {
    super(spec);
  }

  static LayerSpec.GlobalMaxPooling2D read(LayerAttributes a) {
    return new LayerSpec.GlobalMaxPooling2D(
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
