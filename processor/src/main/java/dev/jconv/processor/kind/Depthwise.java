package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.Activation.Fn;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.Ix;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Offset;
import dev.jconv.processor.emit.Shape3;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.ParamKind;
import dev.jconv.processor.model.Window;
import java.util.Arrays;

/**
 * The depthwise convolution that DepthwiseConv2D is and SeparableConv2D starts with: output channel
 * {@code c * m + j} reads input channel {@code c} through its own kernel.
 */
final class Depthwise {
  private Depthwise() {}

  /** Scalar forward into {@code dst[dstOff...]}, with the bias or from zero. */
  static CodeBlock scalarForward(
      Site site, Window window, int mult, boolean useBias, String dst, String dstOff) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int cm = in.c() * mult;
    CodeBlock.Builder b = CodeBlock.builder();
    Ix[] pixel = Loops.outputPixels(b, out, dstOff, cm);
    if (useBias) {
      b.add(Loops.initBias(site, true, "yi", cm));
    } else {
      b.addStatement("$T.fill($L, yi, yi + $L, 0f)", Arrays.class, dst, cm);
    }
    Loops.Taps t = Loops.taps(b, window, in, pixel);
    b.addStatement("int xi = $L", Ix.of("xo").plus(Conv2DKind.pixel(t, in)));
    b.addStatement("int wi = $L", kernelTap(site, window, t, cm));
    Ix c = Loops.range(b, "c", cm);
    String channel = mult == 1 ? Ix.of("xi").plus(c).toString() : "xi + c / " + mult;
    b.addStatement(
        "$L[$L] += x[$L] * w[$L]", dst, Ix.of("yi").plus(c), channel, Ix.of("wi").plus(c));
    Loops.close(b, c);
    t.close(b);
    Loops.close(b, pixel);
    return Loops.scoped(b.build(), pixel);
  }

  private static Ix kernelTap(Site site, Window window, Loops.Taps t, int cm) {
    return Ix.of(site.param(ParamKind.DEPTHWISE_KERNEL))
        .plus(t.kh().times(window.kernel().w() * cm))
        .plus(t.kw().times(cm));
  }

  /** Scalar backward from the output gradient at {@code d[from...]}. */
  static CodeBlock scalarBackward(Site site, Window window, int mult, String from) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int cm = in.c() * mult;
    CodeBlock.Builder b = CodeBlock.builder();
    Ix[] pixel = Loops.outputPixels(b, out, from, cm);
    Loops.Taps t = Loops.taps(b, window, in, pixel);
    b.addStatement("int xp = $L", Conv2DKind.pixel(t, in));
    b.addStatement("int wi = $L", kernelTap(site, window, t, cm));
    Ix j = Loops.range(b, "j", cm);
    Ix c = j;
    if (mult != 1) {
      b.addStatement("int c = j / $L", mult);
      c = Ix.of("c");
    }
    Ix xc = Ix.of("xp").plus(c);
    b.addStatement("float dz = d[$L]", Ix.of("yi").plus(j));
    b.beginControlFlow("if (g != null)")
        .addStatement("g[$L] += x[$L] * dz", Ix.of("wi").plus(j), Ix.of("xo").plus(xc))
        .endControlFlow();
    b.beginControlFlow("if (dx != null)")
        .addStatement("dx[$L] += w[$L] * dz", Ix.of("dxo").plus(xc), Ix.of("wi").plus(j))
        .endControlFlow();
    Loops.close(b, j);
    t.close(b);
    Loops.close(b, pixel);
    return Loops.scoped(b.build(), pixel);
  }

  /**
   * SIMD backward (multiplier 1) from the output gradient at {@code d[dyo...]}: per output pixel
   * and tap, the channels on lanes add {@code x * dy} to the kernel's gradient (skipped when {@code
   * g} is null, a frozen layer) and {@code w * dy} to the input gradient (when {@code dx} is not
   * null); then the bias gradient, the sum of the output gradient over the pixels.
   */
  static CodeBlock simdBackward(Site site, Window window, boolean useBias) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int c = in.c();
    Offset kernel = site.param(ParamKind.DEPTHWISE_KERNEL);
    int kernelSize = window.kernel().h() * window.kernel().w() * c;
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (g == null && dx == null)").addStatement("return").endControlFlow();
    CodeBlock.Builder p = CodeBlock.builder();
    Ix[] pixel = Loops.outputPixels(p, out, "dyo", c);
    Loops.Taps t = Loops.taps(p, window, in, pixel);
    p.addStatement("int xp = $L", Conv2DKind.pixel(t, in));
    p.addStatement("int wi = $L", kernelTap(site, window, t, c));
    Vectors.channelLoop(
        p,
        "c",
        c,
        null,
        false,
        vec -> tapGradient(vec, kernel + " + " + kernelSize, "dxo + " + in.size()),
        CodeBlock.builder()
            .addStatement("float dz = d[yi + c]")
            .beginControlFlow("if (g != null)")
            .addStatement("g[wi + c] += x[xo + xp + c] * dz")
            .endControlFlow()
            .beginControlFlow("if (dx != null)")
            .addStatement("dx[dxo + xp + c] += w[wi + c] * dz")
            .endControlFlow()
            .build());
    t.close(p);
    Loops.close(p, pixel);
    b.add(Loops.scoped(p.build(), pixel));
    if (useBias) {
      b.beginControlFlow("if (g != null)");
      b.add(biasGradient(site, c, out.pixels()));
      b.endControlFlow();
    }
    return b.build();
  }

  private static CodeBlock tapGradient(Vectors.Vec vec, String kernelEnd, String dxEnd) {
    CodeBlock.Builder v = CodeBlock.builder();
    v.addStatement("$T dz = $L", FLOAT_VECTOR, vec.load("d", "yi + c"));
    v.beginControlFlow("if (g != null)");
    v.addStatement("$T gv = $L.mul(dz)", FLOAT_VECTOR, vec.load("x", "xo + xp + c"));
    v.add(vec.withEnd(kernelEnd).accumulate("gv", "g", "wi + c"));
    v.endControlFlow();
    v.beginControlFlow("if (dx != null)");
    v.addStatement("$T dv = $L.mul(dz)", FLOAT_VECTOR, vec.load("w", "wi + c"));
    v.add(vec.withEnd(dxEnd).accumulate("dv", "dx", "dxo + xp + c"));
    v.endControlFlow();
    return v.build();
  }

  /** The bias gradient: per channel vector, the sum over the pixels, added to {@code g} once. */
  private static CodeBlock biasGradient(Site site, int c, int pixels) {
    Offset bias = site.param(ParamKind.BIAS);
    CodeBlock.Builder b = CodeBlock.builder();
    Vectors.channelLoop(
        b,
        "c",
        c,
        null,
        false,
        vec ->
            CodeBlock.builder()
                .addStatement("$T acc = $T.zero(S)", FLOAT_VECTOR, FLOAT_VECTOR)
                .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
                .addStatement("acc = acc.add($L)", vec.load("d", "dyo + p * " + c + " + c"))
                .endControlFlow()
                .add(vec.accumulate("acc", "g", bias + " + c"))
                .build(),
        CodeBlock.builder()
            .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
            .addStatement("g[$L + c] += d[dyo + p * $L + c]", bias, c)
            .endControlFlow()
            .build());
    return b.build();
  }

  /** SIMD forward (multiplier 1) into {@code dst[dstOff...]}: vectors along the channels. */
  static CodeBlock simdForward(
      Site site, Window window, String dst, String dstOff, boolean useBias, Fn fn) {
    Window.Padded pd = window.padded(site.node().inputShapes().get(0));
    Shape3 out = site.out();
    int c = pd.c();
    Fn act = Acts.fusable(fn) ? fn : Fn.LINEAR;
    Offset kernel = site.param(ParamKind.DEPTHWISE_KERNEL);
    Offset bias = useBias ? site.param(ParamKind.BIAS) : null;
    CodeBlock.Builder b = CodeBlock.builder();
    Loops.Input input = Loops.paddedInput(b, site, pd);
    IntPair k = window.kernel();
    String tap =
        "kh * " + window.dilation().h() * pd.w() * c + " + kw * " + window.dilation().w() * c;
    String wtap = kernel + " + (kh * " + k.w() + " + kw) * " + c;
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement(
        "int xp = $L + oh * $L + ow * $L",
        input.offset(),
        window.strides().h() * pd.w() * c,
        window.strides().w() * c);
    b.addStatement("int yi = $L + (oh * $L + ow) * $L", dstOff, out.w(), c);
    String source = input.array();
    Vectors.channelLoop(
        b,
        "c",
        c,
        dstOff + " + " + out.h() * out.w() * c,
        true,
        vec -> {
          CodeBlock.Builder v = CodeBlock.builder();
          v.addStatement(
              "$T acc = $L",
              FLOAT_VECTOR,
              useBias
                  ? vec.load("w", bias + " + c")
                  : CodeBlock.of("$T.zero($L)", FLOAT_VECTOR, vec.species()));
          v.beginControlFlow("for (int kh = 0; kh < $L; kh++)", k.h());
          v.beginControlFlow("for (int kw = 0; kw < $L; kw++)", k.w());
          v.addStatement("$T xv = $L", FLOAT_VECTOR, vec.load(source, "xp + " + tap + " + c"));
          v.addStatement("acc = xv.fma($L, acc)", vec.load("w", wtap + " + c"));
          v.endControlFlow().endControlFlow();
          if (act != Fn.LINEAR) {
            v.addStatement("acc = $L", Acts.vectorAct(act, "acc"));
          }
          v.add(vec.store("acc", dst, "yi + c"));
          return v.build();
        },
        null);
    b.endControlFlow().endControlFlow();
    return b.build();
  }
}
