package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;

/** Keras's {@code Flatten}: the same values as a vector (NHWC is already row-major). */
final class FlattenKind extends LayerKind<LayerSpec.Flatten> {
  FlattenKind(LayerSpec.Flatten spec) {
    super(spec);
  }

  static LayerSpec.Flatten read(LayerAttributes a) {
    return new LayerSpec.Flatten(a.name(), a.from(), a.source());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    if (x.size() > LayerInference.MAX_ARRAY) {
      return LayerInference.tooLarge(spec, "output", x.size());
    }
    return new Inferred.Ok(Shape.of((int) x.size()), List.of());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return copy(site);
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    return Loops.guarded(Loops.loop(site.outSize(), "dx[dxo + i] += d[dyo + i]"));
  }

  /** {@code dx += dy} on lanes. */
  @Override
  public CodeBlock simdBackward(Site site) {
    return Loops.guarded(Vectors.addInto(site.outSize(), "dx", "dxo", "d", "dyo", null, null));
  }

  /** A copy: the scalar twin is as fast. */
  @Override
  public CodeBlock simdForward(Site site) {
    return null;
  }

  /** {@code y = x}, for the layers that only copy at inference. */
  static CodeBlock copy(Site site) {
    return CodeBlock.of("$T.arraycopy(x, xo, a, yo, $L);\n", System.class, site.outSize());
  }
}
