package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.CodeBlock;
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

/**
 * What GlobalAveragePooling2D and GlobalMaxPooling2D share: one value per channel, by max or mean.
 *
 * @param <S> the pooling spec
 */
abstract class GlobalPoolingKind<S extends LayerSpec> extends LayerKind<S> {
  private final boolean keepdims;
  private final boolean max;

  /** A global pooling kind of {@code spec}: max or average. */
  GlobalPoolingKind(S spec, boolean keepdims, boolean max) {
    super(spec);
    this.keepdims = keepdims;
    this.max = max;
  }

  /** {@code (c)}, or {@code (1, 1, c)} with {@code keepdims}. */
  @Override
  public final Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    Inferred notImage = LayerInference.needsImage(spec, x, inputNames.get(0));
    if (notImage != null) {
      return notImage;
    }
    return new Inferred.Ok(keepdims ? Shape.of(1, 1, x.c()) : Shape.of(x.c()), List.of());
  }

  @Override
  public final CodeBlock scalarForward(Site site) {
    Shape3 in = site.in();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement(
        "$T.fill(a, yo, yo + $L, $L)",
        Arrays.class,
        in.c(),
        max ? "Float.NEGATIVE_INFINITY" : "0f");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", in.pixels());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.addStatement(
        max
            ? "a[yo + c] = Math.max(a[yo + c], x[xo + p * $L + c])"
            : "a[yo + c] += x[xo + p * $L + c]",
        in.c());
    b.endControlFlow().endControlFlow();
    if (!max) {
      b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
      b.addStatement("a[yo + c] *= $L", Loops.floatLiteral(1.0 / in.pixels()));
      b.endControlFlow();
    }
    return b.build();
  }

  @Override
  public final CodeBlock scalarBackward(Site site) {
    Shape3 in = site.in();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.add(channelGrad(in, max));
    b.endControlFlow();
    return b.build();
  }

  /** The gradient of channel {@code c}: to its first maximum, or spread over every position. */
  private static CodeBlock channelGrad(Shape3 in, boolean max) {
    int positions = in.pixels();
    CodeBlock.Builder b = CodeBlock.builder();
    if (max) {
      b.addStatement("int best = 0");
      b.beginControlFlow("for (int p = 1; p < $L; p++)", positions);
      b.beginControlFlow("if (x[xo + p * $L + c] > x[xo + best * $L + c])", in.c(), in.c());
      b.addStatement("best = p").endControlFlow().endControlFlow();
      b.addStatement("dx[dxo + best * $L + c] += d[dyo + c]", in.c());
    } else {
      b.addStatement("float share = d[dyo + c] * $L", Loops.floatLiteral(1f / positions));
      b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
      b.addStatement("dx[dxo + p * $L + c] += share", in.c());
      b.endControlFlow();
    }
    return b.build();
  }

  /**
   * Channels along the lanes, as the scalar twin: max finds each lane's first maximum (its position
   * in a vector) and adds the gradient there; average adds the share to every position.
   */
  @Override
  public final CodeBlock simdBackward(Site site) {
    Shape3 in = site.in();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    Vectors.channelLoop(
        b,
        "c",
        in.c(),
        "dxo + " + in.size(),
        false,
        vec -> vectorGrad(vec, in, max),
        channelGrad(in, max));
    return b.build();
  }

  private static CodeBlock vectorGrad(Vectors.Vec vec, Shape3 in, boolean max) {
    int c = in.c();
    int positions = in.pixels();
    String at = "p * " + c + " + c";
    CodeBlock.Builder v = CodeBlock.builder();
    v.addStatement("$T dy = $L", FLOAT_VECTOR, vec.load("d", "dyo + c"));
    if (max) {
      v.addStatement("$T best = $L", FLOAT_VECTOR, vec.load("x", "xo + c"));
      v.addStatement("$T idx = $T.zero(S)", FLOAT_VECTOR, FLOAT_VECTOR);
      v.beginControlFlow("for (int p = 1; p < $L; p++)", positions);
      v.addStatement("$T xv = $L", FLOAT_VECTOR, vec.load("x", "xo + " + at));
      v.addStatement(
          "$T<Float> gt = xv.compare($T.GT, best)", Vectors.VECTOR_MASK, Vectors.VECTOR_OPERATORS);
      v.addStatement("best = best.blend(xv, gt)");
      v.addStatement("idx = idx.blend($T.broadcast(S, (float) p), gt)", FLOAT_VECTOR);
      v.endControlFlow();
      v.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
      v.addStatement(
          "$T gv = $T.zero(S).blend(dy, idx.compare($T.EQ, (float) p))",
          FLOAT_VECTOR,
          FLOAT_VECTOR,
          Vectors.VECTOR_OPERATORS);
      v.add(vec.accumulate("gv", "dx", "dxo + " + at));
      v.endControlFlow();
    } else {
      v.addStatement("$T share = dy.mul($L)", FLOAT_VECTOR, Loops.floatLiteral(1f / positions));
      v.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
      v.add(vec.accumulate("share", "dx", "dxo + " + at));
      v.endControlFlow();
    }
    return v.build();
  }

  /** Channels along the lanes; the channels left over on a last overlapping or masked vector. */
  @Override
  public final CodeBlock simdForward(Site site) {
    Shape3 in = site.in();
    int c = in.c();
    int pixels = in.pixels();
    String inv = Loops.floatLiteral(1.0 / pixels);
    CodeBlock.Builder b = CodeBlock.builder();
    Vectors.channelLoop(
        b,
        "c",
        c,
        null,
        true,
        vec -> {
          CodeBlock.Builder v = CodeBlock.builder();
          v.add(Vectors.accumulator(vec.species(), max));
          v.beginControlFlow("for (int p = 0; p < $L; p++)", pixels);
          v.addStatement(
              "acc = acc.$L($L)", max ? "max" : "add", vec.load("x", "xo + p * " + c + " + c"));
          v.endControlFlow();
          if (!max) {
            v.addStatement("acc = acc.mul($L)", inv);
          }
          v.add(vec.store("acc", "a", "yo + c"));
          return v.build();
        },
        null);
    return b.build();
  }
}
