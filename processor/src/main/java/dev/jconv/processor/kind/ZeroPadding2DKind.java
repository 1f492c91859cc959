package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
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

/** Keras's {@code ZeroPadding2D}: rows and columns of zeros around the image. */
final class ZeroPadding2DKind extends LayerKind<LayerSpec.ZeroPadding2D> {
  ZeroPadding2DKind(LayerSpec.ZeroPadding2D spec) {
    super(spec);
  }

  /** {@code {p}}, {@code {ph, pw}} or {@code {top, bottom, left, right}}. */
  static LayerSpec.ZeroPadding2D read(LayerAttributes a) {
    List<Integer> p = a.getInts("padding");
    switch (p.size()) {
      case 1:
        return new LayerSpec.ZeroPadding2D(
            a.name(), a.from(), a.source(), p.get(0), p.get(0), p.get(0), p.get(0));
      case 2:
        return new LayerSpec.ZeroPadding2D(
            a.name(), a.from(), a.source(), p.get(0), p.get(0), p.get(1), p.get(1));
      case 4:
        return new LayerSpec.ZeroPadding2D(
            a.name(), a.from(), a.source(), p.get(0), p.get(1), p.get(2), p.get(3));
      default:
        a.arity(
            "padding",
            p,
            "1, 2 or 4 values",
            "padding = 1, {ph, pw} or {top, bottom, left, right}");
        return null;
    }
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    if (spec.top() < 0 || spec.bottom() < 0 || spec.left() < 0 || spec.right() < 0) {
      String value =
          "{" + spec.top() + ", " + spec.bottom() + ", " + spec.left() + ", " + spec.right() + "}";
      check.add("padding", Diag.NEGATIVE, spec.name(), spec.kerasType(), "padding", value);
    }
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    Inferred notImage = LayerInference.needsImage(spec, x, inputNames.get(0));
    if (notImage != null) {
      return notImage;
    }
    long h = (long) x.h() + spec.top() + spec.bottom();
    long w = (long) x.w() + spec.left() + spec.right();
    if (h > LayerInference.MAX_ARRAY || w > LayerInference.MAX_ARRAY) {
      return LayerInference.tooLarge(spec, "output", h, w, x.c());
    }
    return new Inferred.Ok(Shape.of((int) h, (int) w, x.c()), List.of());
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int row = in.w() * in.c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.fill(a, yo, yo + $L, 0f)", Arrays.class, out.size());
    Ix h = Loops.range(b, "h", in.h());
    b.addStatement(
        "$T.arraycopy(x, $L, a, $L, $L)",
        System.class,
        Ix.of("xo").plus(h.times(row)),
        Ix.of("yo")
            .plus(h.times(out.w() * out.c()))
            .plus((spec.top() * out.w() + spec.left()) * out.c()),
        row);
    Loops.close(b, h);
    return b.build();
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int row = in.w() * in.c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    Ix h = Loops.range(b, "h", in.h());
    b.addStatement(
        "int from = $L",
        Ix.of("dyo")
            .plus(h.times(out.w() * out.c()))
            .plus((spec.top() * out.w() + spec.left()) * out.c()));
    b.beginControlFlow("for (int i = 0; i < $L; i++)", row);
    b.addStatement("dx[$L + i] += d[from + i]", Ix.of("dxo").plus(h.times(row)));
    b.endControlFlow();
    Loops.close(b, h);
    return b.build();
  }

  /** Each input row gets its part of the output gradient's row, on lanes. */
  @Override
  public CodeBlock simdBackward(Site site) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int row = in.w() * in.c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    b.beginControlFlow("for (int h = 0; h < $L; h++)", in.h());
    b.addStatement(
        "int from = dyo + h * $L + $L",
        out.w() * out.c(),
        (spec.top() * out.w() + spec.left()) * out.c());
    b.addStatement("int to = dxo + h * $L", row);
    Vectors.channelLoop(
        b,
        "i",
        row,
        "dxo + " + in.size(),
        false,
        v ->
            CodeBlock.builder()
                .addStatement("$T dy = $L", Vectors.FLOAT_VECTOR, v.load("d", "from + i"))
                .add(v.accumulate("dy", "dx", "to + i"))
                .build(),
        CodeBlock.of("dx[to + i] += d[from + i];\n"));
    b.endControlFlow();
    return b.build();
  }

  /** Copies: the scalar twin is as fast. */
  @Override
  public CodeBlock simdForward(Site site) {
    return null;
  }
}
