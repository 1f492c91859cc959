package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.Activation.Fn;
import dev.jconv.Padding;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.Windows;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Emits the scalar forward method of one layer: {@code <name>Forward(w, x, xo, a, ao)} reads its
 * input at {@code x[xo...]}, its parameters at constant offsets of {@code w}, and writes its output
 * at a constant offset of the workspace {@code a} from {@code ao}. Shapes are literals; the loops
 * are plain so that the JIT unrolls and vectorizes what it can. This is the reference-speed twin of
 * the SIMD code and the code used when the Vector API is absent.
 */
final class ScalarForward {
  static final ClassName ACTIVATIONS = ClassName.get("dev.jconv.kernels", "Activations");

  private final Layout layout;

  ScalarForward(Layout layout) {
    this.layout = layout;
  }

  /** {@code conv1Forward}. */
  MethodSpec forward(Node node) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Forward")
            .addModifiers(Modifier.STATIC)
            .addJavadoc("$L", Headers.of(node, layout))
            .addParameter(float[].class, "w");
    int inputs = node.inputs().size();
    if (inputs == 1) {
      m.addParameter(float[].class, "x").addParameter(int.class, "xo");
    } else {
      for (int i = 0; i < inputs; i++) {
        m.addParameter(float[].class, "x" + i).addParameter(int.class, "x" + i + "o");
      }
    }
    m.addParameter(float[].class, "a").addParameter(int.class, "ao");
    m.addStatement("int yo = ao + $L", layout.out(node));
    m.addCode(body(node));
    return m.build();
  }

  private CodeBlock body(Node node) {
    LayerSpec spec = node.spec();
    if (spec instanceof LayerSpec.Conv2D c) {
      return conv(node, c.kernelSize(), c.strides(), c.dilationRate(), c.padding(), c.useBias());
    } else if (spec instanceof LayerSpec.DepthwiseConv2D d) {
      return depthwise(node, d, "a", "yo", true);
    } else if (spec instanceof LayerSpec.SeparableConv2D s) {
      return separable(node, s);
    } else if (spec instanceof LayerSpec.Dense d) {
      return dense(node, d);
    } else if (spec instanceof LayerSpec.MaxPooling2D p) {
      return pool(node, p.poolSize(), p.strides(), p.padding(), true);
    } else if (spec instanceof LayerSpec.AveragePooling2D p) {
      return pool(node, p.poolSize(), p.strides(), p.padding(), false);
    } else if (spec instanceof LayerSpec.GlobalAveragePooling2D) {
      return global(node, false);
    } else if (spec instanceof LayerSpec.GlobalMaxPooling2D) {
      return global(node, true);
    } else if (spec instanceof LayerSpec.ZeroPadding2D z) {
      return zeroPadding(node, z);
    } else if (spec instanceof LayerSpec.Flatten || spec instanceof LayerSpec.Dropout) {
      return CodeBlock.of("$T.arraycopy(x, xo, a, yo, $L);\n", System.class, node.output().size());
    } else if (spec instanceof LayerSpec.Activation act) {
      return CodeBlock.builder()
          .addStatement("$T.arraycopy(x, xo, a, yo, $L)", System.class, node.output().size())
          .add(activation(act.value(), node))
          .build();
    } else if (spec instanceof LayerSpec.BatchNormalization bn) {
      return batchNorm(node, bn);
    } else if (spec instanceof LayerSpec.Add) {
      return add(node);
    } else if (spec instanceof LayerSpec.Concatenate) {
      return concatenate(node);
    }
    throw new IllegalArgumentException("no forward emitter for " + spec.kerasType());
  }

  /** Direct convolution; padding cells are skipped by bounds tests on each tap. */
  private CodeBlock conv(
      Node node, IntPair k, IntPair s, IntPair d, Padding padding, boolean useBias) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int top = padBefore(in.h(), k.h(), s.h(), d.h(), padding);
    int left = padBefore(in.w(), k.w(), s.w(), d.w(), padding);
    int f = out.c();
    int kernel = layout.param(node, "kernel");
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement("int yi = yo + (oh * $L + ow) * $L", out.w(), f);
    b.add(initBias(node, useBias, "yi", f));
    b.beginControlFlow("for (int kh = 0; kh < $L; kh++)", k.h());
    b.addStatement("int ih = oh * $L - $L + kh * $L", s.h(), top, d.h());
    b.beginControlFlow("if (ih < 0 || ih >= $L)", in.h()).addStatement("continue").endControlFlow();
    b.beginControlFlow("for (int kw = 0; kw < $L; kw++)", k.w());
    b.addStatement("int iw = ow * $L - $L + kw * $L", s.w(), left, d.w());
    b.beginControlFlow("if (iw < 0 || iw >= $L)", in.w()).addStatement("continue").endControlFlow();
    b.addStatement("int xi = xo + (ih * $L + iw) * $L", in.w(), in.c());
    b.addStatement("int wi = $L + (kh * $L + kw) * $L", kernel, k.w(), in.c() * f);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.addStatement("float xv = x[xi + c]");
    b.addStatement("int wc = wi + c * $L", f);
    b.beginControlFlow("for (int o = 0; o < $L; o++)", f);
    b.addStatement("a[yi + o] += xv * w[wc + o]");
    b.endControlFlow().endControlFlow().endControlFlow().endControlFlow();
    b.endControlFlow().endControlFlow();
    return b.add(fusedActivation(node)).build();
  }

  /** Depthwise convolution: output channel c * m + j reads input channel c. */
  private CodeBlock depthwise(Node node, LayerSpec spec, String dst, String dstOff, boolean own) {
    IntPair k;
    IntPair s;
    IntPair d;
    Padding padding;
    int mult;
    boolean useBias;
    if (spec instanceof LayerSpec.DepthwiseConv2D dw) {
      k = dw.kernelSize();
      s = dw.strides();
      d = dw.dilationRate();
      padding = dw.padding();
      mult = dw.depthMultiplier();
      useBias = dw.useBias();
    } else {
      LayerSpec.SeparableConv2D sep = (LayerSpec.SeparableConv2D) spec;
      k = sep.kernelSize();
      s = sep.strides();
      d = sep.dilationRate();
      padding = sep.padding();
      mult = sep.depthMultiplier();
      useBias = false;
    }
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int cm = in.c() * mult;
    int top = padBefore(in.h(), k.h(), s.h(), d.h(), padding);
    int left = padBefore(in.w(), k.w(), s.w(), d.w(), padding);
    int kernel = layout.param(node, "depthwise_kernel");
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement("int yi = $L + (oh * $L + ow) * $L", dstOff, out.w(), cm);
    if (useBias) {
      b.add(initBias(node, true, "yi", cm));
    } else {
      b.addStatement("$T.fill($L, yi, yi + $L, 0f)", java.util.Arrays.class, dst, cm);
    }
    b.beginControlFlow("for (int kh = 0; kh < $L; kh++)", k.h());
    b.addStatement("int ih = oh * $L - $L + kh * $L", s.h(), top, d.h());
    b.beginControlFlow("if (ih < 0 || ih >= $L)", in.h()).addStatement("continue").endControlFlow();
    b.beginControlFlow("for (int kw = 0; kw < $L; kw++)", k.w());
    b.addStatement("int iw = ow * $L - $L + kw * $L", s.w(), left, d.w());
    b.beginControlFlow("if (iw < 0 || iw >= $L)", in.w()).addStatement("continue").endControlFlow();
    b.addStatement("int xi = xo + (ih * $L + iw) * $L", in.w(), in.c());
    b.addStatement("int wi = $L + (kh * $L + kw) * $L", kernel, k.w(), cm);
    if (mult == 1) {
      b.beginControlFlow("for (int c = 0; c < $L; c++)", cm);
      b.addStatement("$L[yi + c] += x[xi + c] * w[wi + c]", dst);
    } else {
      b.beginControlFlow("for (int c = 0; c < $L; c++)", cm);
      b.addStatement("$L[yi + c] += x[xi + c / $L] * w[wi + c]", dst, mult);
    }
    b.endControlFlow().endControlFlow().endControlFlow().endControlFlow().endControlFlow();
    if (own) {
      b.add(fusedActivation(node));
    }
    return b.build();
  }

  /** Depthwise into the scratch buffer, then a pointwise (1x1) convolution with bias. */
  private CodeBlock separable(Node node, LayerSpec.SeparableConv2D s) {
    Shape3 out = Shape3.of(node.output());
    int mid = Shape3.of(node.inputShapes().get(0)).c() * s.depthMultiplier();
    int pointwise = layout.param(node, "pointwise_kernel");
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int mo = ao + $L", layout.scratch(node, Layout.MID));
    b.add(depthwise(node, s, "a", "mo", false));
    b.beginControlFlow("for (int p = 0; p < $L; p++)", out.h() * out.w());
    b.addStatement("int yi = yo + p * $L", out.c());
    b.add(initBias(node, s.useBias(), "yi", out.c()));
    b.beginControlFlow("for (int c = 0; c < $L; c++)", mid);
    b.addStatement("float xv = a[mo + p * $L + c]", mid);
    b.addStatement("int wc = $L + c * $L", pointwise, out.c());
    b.beginControlFlow("for (int o = 0; o < $L; o++)", out.c());
    b.addStatement("a[yi + o] += xv * w[wc + o]");
    b.endControlFlow().endControlFlow().endControlFlow();
    return b.add(fusedActivation(node)).build();
  }

  /** y = x W + b: the input index outside so the inner loop runs along contiguous outputs. */
  private CodeBlock dense(Node node, LayerSpec.Dense d) {
    int in = Math.toIntExact(node.inputShapes().get(0).size());
    int units = d.units();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(initBias(node, d.useBias(), "yo", units));
    b.beginControlFlow("for (int i = 0; i < $L; i++)", in);
    b.addStatement("float xv = x[xo + i]");
    b.addStatement("int wi = $L + i * $L", layout.param(node, "kernel"), units);
    b.beginControlFlow("for (int o = 0; o < $L; o++)", units);
    b.addStatement("a[yo + o] += xv * w[wi + o]");
    b.endControlFlow().endControlFlow();
    return b.add(fusedActivation(node)).build();
  }

  /** Max or average over each window's real (not padded) cells, as TensorFlow does. */
  private CodeBlock pool(Node node, IntPair k, IntPair s, Padding padding, boolean max) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int top = padBefore(in.h(), k.h(), s.h(), 1, padding);
    int left = padBefore(in.w(), k.w(), s.w(), 1, padding);
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.addStatement("int h0 = Math.max(oh * $L - $L, 0)", s.h(), top);
    b.addStatement("int h1 = Math.min(oh * $L - $L + $L, $L)", s.h(), top, k.h(), in.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement("int w0 = Math.max(ow * $L - $L, 0)", s.w(), left);
    b.addStatement("int w1 = Math.min(ow * $L - $L + $L, $L)", s.w(), left, k.w(), in.w());
    b.addStatement("int yi = yo + (oh * $L + ow) * $L", out.w(), out.c());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.addStatement(max ? "float acc = Float.NEGATIVE_INFINITY" : "float acc = 0f");
    b.beginControlFlow("for (int ih = h0; ih < h1; ih++)");
    b.beginControlFlow("for (int iw = w0; iw < w1; iw++)");
    b.addStatement("float v = x[xo + (ih * $L + iw) * $L + c]", in.w(), in.c());
    b.addStatement(max ? "acc = Math.max(acc, v)" : "acc += v");
    b.endControlFlow().endControlFlow();
    b.addStatement(max ? "a[yi + c] = acc" : "a[yi + c] = acc / ((h1 - h0) * (w1 - w0))");
    b.endControlFlow().endControlFlow().endControlFlow();
    return b.build();
  }

  private CodeBlock global(Node node, boolean max) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement(
        "$T.fill(a, yo, yo + $L, $L)",
        java.util.Arrays.class,
        in.c(),
        max ? "Float.NEGATIVE_INFINITY" : "0f");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", in.h() * in.w());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.addStatement(
        max
            ? "a[yo + c] = Math.max(a[yo + c], x[xo + p * $L + c])"
            : "a[yo + c] += x[xo + p * $L + c]",
        in.c());
    b.endControlFlow().endControlFlow();
    if (!max) {
      b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
      b.addStatement("a[yo + c] *= $Lf", floatLiteral(1.0 / (in.h() * in.w())));
      b.endControlFlow();
    }
    return b.build();
  }

  private CodeBlock zeroPadding(Node node, LayerSpec.ZeroPadding2D z) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.fill(a, yo, yo + $L, 0f)", java.util.Arrays.class, out.size());
    b.beginControlFlow("for (int h = 0; h < $L; h++)", in.h());
    b.addStatement(
        "$T.arraycopy(x, xo + h * $L, a, yo + ((h + $L) * $L + $L) * $L, $L)",
        System.class,
        in.w() * in.c(),
        z.top(),
        out.w(),
        z.left(),
        in.c(),
        in.w() * in.c());
    b.endControlFlow();
    return b.build();
  }

  /** Inference: y = x * scale + shift with scale = gamma / sqrt(var + eps), per channel. */
  private CodeBlock batchNorm(Node node, LayerSpec.BatchNormalization bn) {
    int c = node.output().c();
    long size = node.output().size();
    CodeBlock.Builder b = CodeBlock.builder().add(batchNormAffine(node, bn, layout));
    b.beginControlFlow("for (int p = 0; p < $L; p += $L)", size, c);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("a[yo + p + c] = x[xo + p + c] * a[so + c] + a[so + $L + c]", c);
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  /**
   * The inference affine of a BatchNormalization, per channel into its scratch at {@code so}: scale
   * = gamma / sqrt(var + eps), shift = beta - mean * scale.
   */
  static CodeBlock batchNormAffine(Node node, LayerSpec.BatchNormalization bn, Layout layout) {
    int c = node.output().c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int so = ao + $L", layout.scratch(node, Layout.AFFINE));
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement(
        "float inv = (float) (1.0 / Math.sqrt(w[$L + c] + $L))",
        layout.param(node, "moving_variance"),
        bn.epsilon());
    b.addStatement(
        "float scale = $L",
        bn.scale() ? CodeBlock.of("w[$L + c] * inv", layout.param(node, "gamma")) : "inv");
    b.addStatement("a[so + c] = scale");
    b.addStatement(
        "a[so + $L + c] = $L - w[$L + c] * scale",
        c,
        bn.center() ? CodeBlock.of("w[$L + c]", layout.param(node, "beta")) : "0f",
        layout.param(node, "moving_mean"));
    return b.endControlFlow().build();
  }

  private CodeBlock add(Node node) {
    long size = node.output().size();
    CodeBlock.Builder sum = CodeBlock.builder().add("x0[x0o + i]");
    for (int i = 1; i < node.inputs().size(); i++) {
      sum.add(" + x$L[x$Lo + i]", i, i);
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0; i < $L; i++)", size)
        .addStatement("a[yo + i] = $L", sum.build())
        .endControlFlow()
        .build();
  }

  private CodeBlock concatenate(Node node) {
    Shape3 out = Shape3.of(node.output());
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int p = 0; p < $L; p++)", out.h() * out.w());
    int at = 0;
    for (int i = 0; i < node.inputs().size(); i++) {
      int c = node.inputShapes().get(i).c();
      b.addStatement(
          "$T.arraycopy(x$L, x$Lo + p * $L, a, yo + p * $L + $L, $L)",
          System.class,
          i,
          i,
          c,
          out.c(),
          at,
          c);
      at += c;
    }
    b.endControlFlow();
    return b.build();
  }

  private CodeBlock initBias(Node node, boolean useBias, String at, int n) {
    if (!useBias) {
      return CodeBlock.of("$T.fill(a, $L, $L + $L, 0f);\n", java.util.Arrays.class, at, at, n);
    }
    return CodeBlock.of(
        "$T.arraycopy(w, $L, a, $L, $L);\n", System.class, layout.param(node, "bias"), at, n);
  }

  private CodeBlock fusedActivation(Node node) {
    Fn fn = node.spec().fusedActivation();
    if (fn == Fn.SWISH || fn == Fn.SOFTMAX) {
      return CodeBlock.builder()
          .addStatement(
              "$T.arraycopy(a, yo, a, ao + $L, $L)",
              System.class,
              layout.scratch(node, Layout.PRE),
              node.output().size())
          .add(activation(fn, node))
          .build();
    }
    return activation(fn, node);
  }

  /** Applies {@code fn} in place to the node's whole output. */
  static CodeBlock activation(Fn fn, Node node) {
    long n = node.output().size();
    switch (fn) {
      case LINEAR:
        return CodeBlock.of("");
      case SOFTMAX:
        return CodeBlock.of("$T.softmax(a, yo, $L, $L);\n", ACTIVATIONS, n, node.output().c());
      default:
        return CodeBlock.of("$T.$L(a, yo, $L);\n", ACTIVATIONS, methodName(fn), n);
    }
  }

  static String methodName(Fn fn) {
    String lower = fn.name().toLowerCase(Locale.ROOT);
    int underscore = lower.indexOf('_');
    if (underscore < 0) {
      return lower;
    }
    return lower.substring(0, underscore)
        + Character.toUpperCase(lower.charAt(underscore + 1))
        + lower.substring(underscore + 2);
  }

  /** Rows or columns of zero padding before the input: SAME puts the odd one after. */
  static int padBefore(int in, int kernel, int stride, int dilation, Padding padding) {
    if (padding == Padding.VALID) {
      return 0;
    }
    return Windows.samePaddingTotal(in, Windows.effective(kernel, dilation), stride) / 2;
  }

  private static String floatLiteral(double v) {
    return Float.toString((float) v);
  }
}
