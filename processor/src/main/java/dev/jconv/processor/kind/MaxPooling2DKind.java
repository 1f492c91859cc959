package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/** Keras's {@code MaxPooling2D}: the largest value of each window. */
final class MaxPooling2DKind extends LayerKind<LayerSpec.MaxPooling2D> {
  private static final boolean MAX = true;

  MaxPooling2DKind(LayerSpec.MaxPooling2D spec) {
    super(spec);
  }

  /** Strides default to the pool size, read once so that a bad one is reported once. */
  static LayerSpec.MaxPooling2D read(LayerAttributes a) {
    IntPair poolSize = a.pair("poolSize");
    IntPair strides = a.getInts("strides").isEmpty() ? poolSize : a.pair("strides");
    return new LayerSpec.MaxPooling2D(
        a.name(), a.from(), a.source(), poolSize, strides, a.padding());
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    check.pool(spec.window());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Inferred notImage = LayerInference.needsImage(spec, inputs.get(0), inputNames.get(0));
    return notImage != null ? notImage : LayerInference.pool(spec, inputs.get(0), spec.window());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return Pooling.scalarForward(site, spec.window(), MAX);
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    return Pooling.scalarBackward(site, spec.window(), MAX);
  }

  @Override
  public CodeBlock simdForward(Site site) {
    return Pooling.simdForward(site, spec.window(), MAX);
  }
}
