package dev.jconv.processor.kind;

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
    int positions = in.pixels();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
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
    b.endControlFlow();
    return b.build();
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
