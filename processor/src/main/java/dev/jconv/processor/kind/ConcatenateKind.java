package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Ix;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Shape3;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Modifier;

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

  /**
   * Each wanted input gradient gets its channels of the output gradient, on lanes; one helper
   * method per input keeps the layer's method small however many inputs it has.
   */
  @Override
  public CodeBlock simdBackward(Site site) {
    Shape3 out = site.out();
    CodeBlock.Builder b = CodeBlock.builder();
    int at = 0;
    for (int i = 0; i < site.node().inputs().size(); i++) {
      int c = site.node().inputShapes().get(i).c();
      String helper = site.name() + "BackwardInput" + i;
      site.helpers().add(inputGradient(helper, out, c, at));
      b.beginControlFlow("if (dx$L != null)", i);
      b.addStatement("$N(d, dyo + $L, dx$L, dx$Lo)", helper, at, i, i);
      b.endControlFlow();
      at += c;
    }
    return b.build();
  }

  /** {@code dx[p, j] += d[p, at + j]} over the pixels, channels on lanes. */
  private static MethodSpec inputGradient(String name, Shape3 out, int c, int at) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int p = 0; p < $L; p++)", out.pixels());
    b.addStatement("int yi = dyo + p * $L", out.c());
    b.addStatement("int xi = dxo + p * $L", c);
    Vectors.channelLoop(
        b,
        "j",
        c,
        "dxo + " + out.pixels() * c,
        false,
        v ->
            CodeBlock.builder()
                .addStatement("$T dy = $L", Vectors.FLOAT_VECTOR, v.load("d", "yi + j"))
                .add(v.accumulate("dy", "dx", "xi + j"))
                .build(),
        CodeBlock.of("dx[xi + j] += d[yi + j];\n"));
    b.endControlFlow();
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Adds channels $L.. of the output gradient to one input's gradient.\n", at)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "dyo")
        .addParameter(float[].class, "dx")
        .addParameter(int.class, "dxo")
        .addCode(b.build())
        .build();
  }

  /** Copies: the scalar twin is as fast. */
  @Override
  public CodeBlock simdForward(Site site) {
    return null;
  }
}
