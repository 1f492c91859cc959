package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Ix;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Shape3;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.Arrays;
import java.util.List;

/** Keras's {@code Concatenate} on the channel axis. */
final class ConcatenateKind extends LayerKind<LayerSpec.Concatenate> {
  ConcatenateKind(LayerSpec.Concatenate spec) {
    super(spec);
  }

  static LayerSpec.Concatenate read(LayerAttributes a) {
    return new LayerSpec.Concatenate(a.name(), a.getStrings("from"), a.source());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape first = inputs.get(0);
    long channels = 0;
    for (Shape s : inputs) {
      boolean same = s.rank() == first.rank();
      for (int i = 0; same && i < s.rank() - 1; i++) {
        same = s.dim(i) == first.dim(i);
      }
      if (!same) {
        String what = s.rank() != first.rank() ? "rank" : "spatial size";
        return LayerInference.fail(
            spec,
            "from",
            Diag.CONCAT_SHAPES,
            spec.name(),
            what,
            LayerInference.listShapes(spec, inputs));
      }
      channels += s.c();
    }
    long[] dims = Arrays.stream(first.dims()).asLongStream().toArray();
    dims[dims.length - 1] = channels;
    if (LayerInference.exceeds(dims)) {
      return LayerInference.tooLarge(spec, "output", dims);
    }
    return new Inferred.Ok(
        Shape.of(Arrays.stream(dims).mapToInt(Math::toIntExact).toArray()), List.of());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    Shape3 out = site.out();
    CodeBlock.Builder b = CodeBlock.builder();
    Ix p = Loops.range(b, "p", out.pixels());
    int at = 0;
    for (int i = 0; i < site.node().inputs().size(); i++) {
      int c = site.node().inputShapes().get(i).c();
      b.addStatement(
          "$T.arraycopy(x$L, $L, a, $L, $L)",
          System.class,
          i,
          Ix.of("x" + i + "o").plus(p.times(c)),
          Ix.of("yo").plus(p.times(out.c())).plus(at),
          c);
      at += c;
    }
    Loops.close(b, p);
    return b.build();
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    Shape3 out = site.out();
    CodeBlock.Builder b = CodeBlock.builder();
    int at = 0;
    for (int i = 0; i < site.node().inputs().size(); i++) {
      int c = site.node().inputShapes().get(i).c();
      b.beginControlFlow("if (dx$L != null)", i);
      Ix p = Loops.range(b, "p", out.pixels());
      Ix j = Loops.range(b, "j", c);
      b.addStatement(
          "dx$L[$L] += d[$L]",
          i,
          Ix.of("dx" + i + "o").plus(p.times(c)).plus(j),
          Ix.of("dyo").plus(p.times(out.c())).plus(at).plus(j));
      Loops.close(b, p, j);
      b.endControlFlow();
      at += c;
    }
    return b.build();
  }

  /** Copies: the scalar twin is as fast. */
  @Override
  public CodeBlock simdForward(Site site) {
    return null;
  }
}
