package dev.jconv.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.model.ParamKind;
import dev.jconv.processor.model.Shape;
import dev.jconv.processor.model.Window;
import java.util.Arrays;

/** Loop skeletons the scalar emitters share: plain passes, kernel taps, padded copies, biases. */
public final class Loops {
  private Loops() {}

  /** {@code for (int i = 0; i < n; i++) statement;} */
  public static CodeBlock loop(long n, String statement) {
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement(statement)
        .endControlFlow()
        .build();
  }

  /** {@code body} only when the input gradient is wanted ({@code dx != null}). */
  public static CodeBlock guarded(CodeBlock body) {
    return CodeBlock.builder()
        .beginControlFlow("if (dx != null)")
        .add(body)
        .endControlFlow()
        .build();
  }

  /** Returns early when the input gradient is not wanted. */
  public static CodeBlock returnWithoutDx() {
    return CodeBlock.builder()
        .beginControlFlow("if (dx == null)")
        .addStatement("return")
        .endControlFlow()
        .build();
  }

  /** Starts {@code n} outputs at {@code a[at...]} with the bias, or with zeros. */
  public static CodeBlock initBias(Site site, boolean useBias, String at, int n) {
    if (!useBias) {
      return CodeBlock.of("$T.fill(a, $L, $L + $L, 0f);\n", Arrays.class, at, at, n);
    }
    return CodeBlock.of(
        "$T.arraycopy(w, $L, a, $L, $L);\n", System.class, site.param(ParamKind.BIAS), at, n);
  }

  /**
   * Opens {@code for (int var = 0; var < n; var++)} and returns {@code var}; a loop of one
   * iteration is folded away and its index is the constant 0. Close with {@link #close}.
   */
  public static Ix range(CodeBlock.Builder b, String var, int n) {
    if (n == 1) {
      return Ix.ZERO;
    }
    b.beginControlFlow("for (int $L = 0; $L < $L; $L++)", var, var, n, var);
    return Ix.of(var);
  }

  /**
   * {@code body} in a block of its own when its loops over output pixels were all folded away, so
   * that its locals cannot clash with the next loop nest of the same method.
   */
  public static CodeBlock scoped(CodeBlock body, Ix[] outer) {
    for (Ix loop : outer) {
      if (!loop.isZero()) {
        return body;
      }
    }
    return CodeBlock.builder().add("{\n$>").add(body).add("$<}\n").build();
  }

  /**
   * Opens the loops over the output pixels of {@code out} and declares {@code yi}, the first of the
   * pixel's {@code channels} values from {@code base}; returns the loops to close.
   */
  public static Ix[] outputPixels(CodeBlock.Builder b, Shape3 out, String base, int channels) {
    Ix oh = range(b, "oh", out.h());
    Ix ow = range(b, "ow", out.w());
    b.addStatement(
        "int yi = $L", Ix.of(base).plus(oh.times(out.w() * channels)).plus(ow.times(channels)));
    return new Ix[] {oh, ow};
  }

  /** Where a SIMD window kernel reads its input: the array and the offset of its first value. */
  public record Input(String array, String offset) {}

  /**
   * The input of a SIMD window kernel: the zero-padded copy when the window has SAME padding (and
   * the code that fills it), the input itself otherwise.
   */
  public static Input paddedInput(CodeBlock.Builder b, Site site, Window.Padded pd) {
    if (!pd.copies()) {
      return new Input("x", "xo");
    }
    b.add(padCopy(site, pd));
    return new Input("a", "po");
  }

  /** Closes the loops {@link #range} opened, innermost first. */
  public static void close(CodeBlock.Builder b, Ix... loops) {
    for (int i = loops.length - 1; i >= 0; i--) {
      if (!loops[i].isZero()) {
        b.endControlFlow();
      }
    }
  }

  /**
   * The taps of a window at output {@code (oh, ow)}: the loops over kernel rows and columns and the
   * input row {@code ih} and column {@code iw} they read.
   */
  public record Taps(Ix kh, Ix kw, Ix ih, Ix iw) {
    /** Closes the tap loops. */
    public void close(CodeBlock.Builder b) {
      Loops.close(b, kh, kw);
    }
  }

  /**
   * Opens the loops over the taps of {@code window} at the output pixel {@code (oh, ow)}; with
   * padding along an axis, taps that fall in it are skipped.
   */
  public static Taps taps(CodeBlock.Builder b, Window window, Shape3 in, Ix[] pixel) {
    Ix oh = pixel[0];
    Ix ow = pixel[1];
    Window.Padded pd = window.padded(Shape.of(in.h(), in.w(), in.c()));
    Ix kh = range(b, "kh", window.kernel().h());
    Ix ih = tapIndex(b, "ih", oh, kh, window.strides().h(), window.dilation().h(), pd.top());
    if (pd.h() != pd.inH()) {
      b.beginControlFlow("if (ih < 0 || ih >= $L)", in.h())
          .addStatement("continue")
          .endControlFlow();
    }
    Ix kw = range(b, "kw", window.kernel().w());
    Ix iw = tapIndex(b, "iw", ow, kw, window.strides().w(), window.dilation().w(), pd.left());
    if (pd.w() != pd.inW()) {
      b.beginControlFlow("if (iw < 0 || iw >= $L)", in.w())
          .addStatement("continue")
          .endControlFlow();
    }
    return new Taps(kh, kw, ih, iw);
  }

  /** Declares the input index {@code name = out * stride - before + tap * dilation}. */
  private static Ix tapIndex(
      CodeBlock.Builder b, String name, Ix out, Ix tap, int stride, int dilation, int before) {
    Ix index = out.times(stride).plus(-before).plus(tap.times(dilation));
    b.addStatement("int $L = $L", name, index);
    return Ix.of(name);
  }

  /** Copies the input into the zero-padded buffer at {@code a[po...]}. */
  public static CodeBlock padCopy(Site site, Window.Padded pd) {
    int c = pd.c();
    int rowLength = pd.w() * c;
    int right = pd.w() - pd.left() - pd.inW();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int po = ao + $L", site.scratch(Buffer.PADDED));
    b.beginControlFlow("for (int h = 0; h < $L; h++)", pd.h());
    b.addStatement("int r = po + h * $L", rowLength);
    b.beginControlFlow("if (h < $L || h >= $L)", pd.top(), pd.top() + pd.inH());
    b.addStatement("$T.fill(a, r, r + $L, 0f)", Arrays.class, rowLength);
    b.addStatement("continue");
    b.endControlFlow();
    if (pd.left() > 0) {
      b.addStatement("$T.fill(a, r, r + $L, 0f)", Arrays.class, pd.left() * c);
    }
    b.addStatement(
        "$T.arraycopy(x, $L, a, $L, $L)",
        System.class,
        Ix.of("xo").plus(Ix.of("h").plus(-pd.top()).times(pd.inW() * c)),
        Ix.of("r").plus(pd.left() * c),
        pd.inW() * c);
    if (right > 0) {
      b.addStatement(
          "$T.fill(a, r + $L, r + $L, 0f)", Arrays.class, (pd.left() + pd.inW()) * c, rowLength);
    }
    b.endControlFlow();
    return b.build();
  }

  /** Declares the {@link Buffer#PADDED} buffer when {@code window} over {@code in} needs one. */
  public static void paddedBuffer(
      Window window, dev.jconv.processor.model.Shape in, Layout.Scratch s) {
    Window.Padded pd = window.padded(in);
    if (pd.copies()) {
      s.buffer(Buffer.PADDED, pd.size());
    }
  }

  /**
   * Adds the output gradient at {@code d[from...]} to the bias gradient, over every position;
   * nothing when {@code g} is null (a frozen layer).
   */
  public static CodeBlock biasGradient(Site site, boolean useBias, int channels, String from) {
    if (!useBias) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if (g != null)");
    Ix p = range(b, "p", site.outSize() / channels);
    Ix o = range(b, "o", channels);
    b.addStatement(
        "g[$L] += d[$L]",
        Ix.of(site.param(ParamKind.BIAS)).plus(o),
        Ix.of(from).plus(p.times(channels)).plus(o));
    close(b, p, o);
    return b.endControlFlow().build();
  }

  /** {@code v} as a Java float literal: {@code 0.5f}, or {@code Float.NaN} and the infinities. */
  public static String floatLiteral(double v) {
    float f = (float) v;
    if (Float.isNaN(f)) {
      return "Float.NaN";
    } else if (Float.isInfinite(f)) {
      return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
    }
    return f + "f";
  }
}
