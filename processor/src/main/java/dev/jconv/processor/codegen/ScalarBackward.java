package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.Activation.Fn;
import dev.jconv.Padding;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import javax.lang.model.element.Modifier;

/**
 * Emits the scalar backward method of one layer, llm.c style: {@code <name>Backward(w, g, x, xo,
 * dx, dxo, a, ao, d, dOff)} reads its own output gradient at {@code d[dOff + out...]} (the delta
 * workspace mirrors the activation workspace), accumulates parameter gradients into {@code g} and
 * the input gradient into {@code dx} with {@code +=} (fan-out), and skips the input gradient when
 * {@code dx} is null. Also the training-mode forward of Dropout and the batch-level
 * BatchNormalization methods.
 */
final class ScalarBackward {
  private static final ClassName GRADS = ClassName.get("dev.jconv.kernels", "ActivationGrads");
  private static final ClassName DROPOUTS = ClassName.get("dev.jconv.kernels", "Dropouts");
  private static final ClassName BLAS = ClassName.get("dev.jconv.kernels", "Blas");

  private final Layout layout;

  ScalarBackward(Layout layout) {
    this.layout = layout;
  }

  /**
   * {@code conv1Backward}; {@code lossFused} when the loss already gave the pre-softmax gradient.
   */
  MethodSpec backward(Node node, boolean lossFused) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Backward")
            .addModifiers(Modifier.STATIC)
            .addJavadoc("Backward of $L; see {@link #$LForward}.\n", node.name(), node.name())
            .addParameter(float[].class, "w")
            .addParameter(float[].class, "g");
    int inputs = node.inputs().size();
    if (inputs == 1) {
      m.addParameter(float[].class, "x").addParameter(int.class, "xo");
      m.addParameter(float[].class, "dx").addParameter(int.class, "dxo");
    } else {
      for (int i = 0; i < inputs; i++) {
        m.addParameter(float[].class, "x" + i).addParameter(int.class, "x" + i + "o");
        m.addParameter(float[].class, "dx" + i).addParameter(int.class, "dx" + i + "o");
      }
    }
    m.addParameter(float[].class, "a").addParameter(int.class, "ao");
    m.addParameter(float[].class, "d").addParameter(int.class, "dOff");
    m.addStatement("int yo = ao + $L", layout.out(node));
    m.addStatement("int dyo = dOff + $L", layout.out(node));
    m.addCode(body(node, lossFused));
    return m.build();
  }

  private CodeBlock body(Node node, boolean lossFused) {
    LayerSpec spec = node.spec();
    CodeBlock.Builder b = CodeBlock.builder();
    if (!lossFused && !(spec instanceof LayerSpec.Activation)) {
      b.add(activationGrad(node, spec.fusedActivation()));
    }
    if (spec instanceof LayerSpec.Conv2D c) {
      b.add(bias(node, c.useBias(), node.output().c(), "dyo"));
      b.add(conv(node, c.kernelSize(), c.strides(), c.dilationRate(), c.padding()));
    } else if (spec instanceof LayerSpec.DepthwiseConv2D dw) {
      b.add(bias(node, dw.useBias(), node.output().c(), "dyo"));
      b.add(
          depthwise(
              node,
              dw.kernelSize(),
              dw.strides(),
              dw.dilationRate(),
              dw.padding(),
              dw.depthMultiplier(),
              "dyo"));
    } else if (spec instanceof LayerSpec.SeparableConv2D s) {
      b.add(bias(node, s.useBias(), node.output().c(), "dyo"));
      b.add(pointwise(node, s));
      b.add(
          depthwise(
              node,
              s.kernelSize(),
              s.strides(),
              s.dilationRate(),
              s.padding(),
              s.depthMultiplier(),
              "dmo"));
    } else if (spec instanceof LayerSpec.Dense dense) {
      b.add(bias(node, dense.useBias(), dense.units(), "dyo"));
      b.add(dense(node, dense));
    } else if (spec instanceof LayerSpec.MaxPooling2D p) {
      b.add(pool(node, p.poolSize(), p.strides(), p.padding(), true));
    } else if (spec instanceof LayerSpec.AveragePooling2D p) {
      b.add(pool(node, p.poolSize(), p.strides(), p.padding(), false));
    } else if (spec instanceof LayerSpec.GlobalAveragePooling2D) {
      b.add(global(node, false));
    } else if (spec instanceof LayerSpec.GlobalMaxPooling2D) {
      b.add(global(node, true));
    } else if (spec instanceof LayerSpec.ZeroPadding2D z) {
      b.add(zeroPadding(node, z));
    } else if (spec instanceof LayerSpec.Flatten) {
      b.add(guarded(loop(node.output().size(), "dx[dxo + i] += d[dyo + i]")));
    } else if (spec instanceof LayerSpec.Dropout) {
      b.addStatement("int mo = ao + $L", layout.scratch(node, Layout.MASK));
      b.add(guarded(loop(node.output().size(), "dx[dxo + i] += d[dyo + i] * a[mo + i]")));
    } else if (spec instanceof LayerSpec.Activation act) {
      b.add(guarded(standaloneActivation(node, lossFused ? Fn.LINEAR : act.value())));
    } else if (spec instanceof LayerSpec.Add) {
      for (int i = 0; i < node.inputs().size(); i++) {
        b.beginControlFlow("if (dx$L != null)", i);
        b.add(loop(node.output().size(), "dx" + i + "[dx" + i + "o + i] += d[dyo + i]"));
        b.endControlFlow();
      }
    } else if (spec instanceof LayerSpec.Concatenate) {
      b.add(concatenate(node));
    } else {
      throw new IllegalArgumentException("no backward emitter for " + spec.kerasType());
    }
    return b.build();
  }

  /** Turns the output gradient into the pre-activation gradient, in place. */
  private CodeBlock activationGrad(Node node, Fn fn) {
    long n = node.output().size();
    switch (fn) {
      case LINEAR:
        return CodeBlock.of("");
      case SWISH:
        return CodeBlock.of(
            "$T.swish(a, ao + $L, d, dyo, d, dyo, $L, false);\n",
            GRADS,
            layout.scratch(node, Layout.PRE),
            n);
      case SOFTMAX:
        return CodeBlock.of(
            "$T.softmax(a, yo, d, dyo, d, dyo, $L, $L, false);\n", GRADS, n, node.output().c());
      default:
        return CodeBlock.of(
            "$T.$L(a, yo, d, dyo, d, dyo, $L, false);\n", GRADS, ScalarForward.methodName(fn), n);
    }
  }

  private CodeBlock standaloneActivation(Node node, Fn fn) {
    long n = node.output().size();
    switch (fn) {
      case SWISH:
        return CodeBlock.of("$T.swish(x, xo, d, dyo, dx, dxo, $L, true);\n", GRADS, n);
      case SOFTMAX:
        return CodeBlock.of(
            "$T.softmax(a, yo, d, dyo, dx, dxo, $L, $L, true);\n", GRADS, n, node.output().c());
      default:
        return CodeBlock.of(
            "$T.$L(a, yo, d, dyo, dx, dxo, $L, true);\n", GRADS, ScalarForward.methodName(fn), n);
    }
  }

  private CodeBlock bias(Node node, boolean useBias, int channels, String from) {
    if (!useBias) {
      return CodeBlock.of("");
    }
    int positions = Math.toIntExact(node.output().size() / channels);
    return CodeBlock.builder()
        .beginControlFlow("for (int p = 0; p < $L; p++)", positions)
        .beginControlFlow("for (int o = 0; o < $L; o++)", channels)
        .addStatement("g[$L + o] += d[$L + p * $L + o]", layout.param(node, "bias"), from, channels)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private CodeBlock conv(Node node, IntPair k, IntPair s, IntPair d, Padding padding) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int top = ScalarForward.padBefore(in.h(), k.h(), s.h(), d.h(), padding);
    int left = ScalarForward.padBefore(in.w(), k.w(), s.w(), d.w(), padding);
    int f = out.c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(taps(out, in, k, s, d, top, left, "dyo", f));
    b.addStatement(
        "int wi = $L + (kh * $L + kw) * $L", layout.param(node, "kernel"), k.w(), in.c() * f);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.addStatement("int wc = wi + c * $L", f);
    b.addStatement("$T.axpy(x[xo + xp + c], d, yi, g, wc, $L)", BLAS, f);
    b.beginControlFlow("if (dx != null)")
        .addStatement("dx[dxo + xp + c] += $T.dot(w, wc, d, yi, $L)", BLAS, f)
        .endControlFlow();
    b.endControlFlow();
    return b.add(closeTaps()).build();
  }

  private CodeBlock depthwise(
      Node node, IntPair k, IntPair s, IntPair d, Padding padding, int mult, String from) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int cm = in.c() * mult;
    int top = ScalarForward.padBefore(in.h(), k.h(), s.h(), d.h(), padding);
    int left = ScalarForward.padBefore(in.w(), k.w(), s.w(), d.w(), padding);
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(taps(new Shape3(out.h(), out.w(), cm), in, k, s, d, top, left, from, cm));
    b.addStatement(
        "int wi = $L + (kh * $L + kw) * $L", layout.param(node, "depthwise_kernel"), k.w(), cm);
    b.beginControlFlow("for (int j = 0; j < $L; j++)", cm);
    b.addStatement("int c = j / $L", mult);
    b.addStatement("float dz = d[yi + j]");
    b.addStatement("g[wi + j] += x[xo + xp + c] * dz");
    b.beginControlFlow("if (dx != null)")
        .addStatement("dx[dxo + xp + c] += w[wi + j] * dz")
        .endControlFlow();
    b.endControlFlow();
    return b.add(closeTaps()).build();
  }

  /** Opens the loops over output positions and in-bounds taps; {@code xp} is the input pixel. */
  private static CodeBlock taps(
      Shape3 out,
      Shape3 in,
      IntPair k,
      IntPair s,
      IntPair d,
      int top,
      int left,
      String from,
      int channels) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement("int yi = $L + (oh * $L + ow) * $L", from, out.w(), channels);
    b.beginControlFlow("for (int kh = 0; kh < $L; kh++)", k.h());
    b.addStatement("int ih = oh * $L - $L + kh * $L", s.h(), top, d.h());
    b.beginControlFlow("if (ih < 0 || ih >= $L)", in.h()).addStatement("continue").endControlFlow();
    b.beginControlFlow("for (int kw = 0; kw < $L; kw++)", k.w());
    b.addStatement("int iw = ow * $L - $L + kw * $L", s.w(), left, d.w());
    b.beginControlFlow("if (iw < 0 || iw >= $L)", in.w()).addStatement("continue").endControlFlow();
    b.addStatement("int xp = (ih * $L + iw) * $L", in.w(), in.c());
    return b.build();
  }

  private static CodeBlock closeTaps() {
    return CodeBlock.builder()
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * Pointwise half of a separable convolution: gradient of the kernel and of the depthwise output.
   */
  private CodeBlock pointwise(Node node, LayerSpec.SeparableConv2D s) {
    Shape3 out = Shape3.of(node.output());
    int mid = Shape3.of(node.inputShapes().get(0)).c() * s.depthMultiplier();
    int pointwise = layout.param(node, "pointwise_kernel");
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int mo = ao + $L", layout.scratch(node, Layout.MID));
    b.addStatement("int dmo = dOff + $L", layout.scratch(node, Layout.MID));
    b.beginControlFlow("for (int p = 0; p < $L; p++)", out.h() * out.w());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", mid);
    b.addStatement("int wc = $L + c * $L", pointwise, out.c());
    b.addStatement(
        "$T.axpy(a[mo + p * $L + c], d, dyo + p * $L, g, wc, $L)", BLAS, mid, out.c(), out.c());
    b.addStatement(
        "d[dmo + p * $L + c] = $T.dot(w, wc, d, dyo + p * $L, $L)", mid, BLAS, out.c(), out.c());
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  private CodeBlock dense(Node node, LayerSpec.Dense dense) {
    int in = Math.toIntExact(node.inputShapes().get(0).size());
    int units = dense.units();
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int i = 0; i < $L; i++)", in);
    b.addStatement("float xv = x[xo + i]");
    b.addStatement("int wi = $L + i * $L", layout.param(node, "kernel"), units);
    // ReLU leaves many inputs at zero: their kernel rows get no gradient.
    b.beginControlFlow("if (xv != 0f)")
        .addStatement("$T.axpy(xv, d, dyo, g, wi, $L)", BLAS, units)
        .endControlFlow();
    b.beginControlFlow("if (dx != null)")
        .addStatement("dx[dxo + i] += $T.dot(w, wi, d, dyo, $L)", BLAS, units)
        .endControlFlow();
    b.endControlFlow();
    return b.build();
  }

  /** Max routes each gradient to the first maximum of its window; average spreads it evenly. */
  private CodeBlock pool(Node node, IntPair k, IntPair s, Padding padding, boolean max) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int top = ScalarForward.padBefore(in.h(), k.h(), s.h(), 1, padding);
    int left = ScalarForward.padBefore(in.w(), k.w(), s.w(), 1, padding);
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (dx == null)").addStatement("return").endControlFlow();
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.addStatement("int h0 = Math.max(oh * $L - $L, 0)", s.h(), top);
    b.addStatement("int h1 = Math.min(oh * $L - $L + $L, $L)", s.h(), top, k.h(), in.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement("int w0 = Math.max(ow * $L - $L, 0)", s.w(), left);
    b.addStatement("int w1 = Math.min(ow * $L - $L + $L, $L)", s.w(), left, k.w(), in.w());
    b.addStatement("int yi = (oh * $L + ow) * $L", out.w(), out.c());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    if (max) {
      b.addStatement("int best = -1");
      b.addStatement("float bestValue = Float.NEGATIVE_INFINITY");
    } else {
      b.addStatement("float share = d[dyo + yi + c] / ((h1 - h0) * (w1 - w0))");
    }
    b.beginControlFlow("for (int ih = h0; ih < h1; ih++)");
    b.beginControlFlow("for (int iw = w0; iw < w1; iw++)");
    b.addStatement("int xp = (ih * $L + iw) * $L + c", in.w(), in.c());
    if (max) {
      b.beginControlFlow("if (best < 0 || x[xo + xp] > bestValue)");
      b.addStatement("best = xp").addStatement("bestValue = x[xo + xp]");
      b.endControlFlow();
    } else {
      b.addStatement("dx[dxo + xp] += share");
    }
    b.endControlFlow().endControlFlow();
    if (max) {
      b.addStatement("dx[dxo + best] += d[dyo + yi + c]");
    }
    b.endControlFlow().endControlFlow().endControlFlow();
    return b.build();
  }

  private CodeBlock global(Node node, boolean max) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    int positions = in.h() * in.w();
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (dx == null)").addStatement("return").endControlFlow();
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    if (max) {
      b.addStatement("int best = 0");
      b.beginControlFlow("for (int p = 1; p < $L; p++)", positions);
      b.beginControlFlow("if (x[xo + p * $L + c] > x[xo + best * $L + c])", in.c(), in.c());
      b.addStatement("best = p").endControlFlow().endControlFlow();
      b.addStatement("dx[dxo + best * $L + c] += d[dyo + c]", in.c());
    } else {
      b.addStatement("float share = d[dyo + c] * $Lf", Float.toString(1f / positions));
      b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
      b.addStatement("dx[dxo + p * $L + c] += share", in.c());
      b.endControlFlow();
    }
    b.endControlFlow();
    return b.build();
  }

  private CodeBlock zeroPadding(Node node, LayerSpec.ZeroPadding2D z) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("if (dx == null)").addStatement("return").endControlFlow();
    b.beginControlFlow("for (int h = 0; h < $L; h++)", in.h());
    b.addStatement(
        "int from = dyo + ((h + $L) * $L + $L) * $L", z.top(), out.w(), z.left(), in.c());
    b.beginControlFlow("for (int i = 0; i < $L; i++)", in.w() * in.c());
    b.addStatement("dx[dxo + h * $L + i] += d[from + i]", in.w() * in.c());
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  private CodeBlock concatenate(Node node) {
    Shape3 out = Shape3.of(node.output());
    CodeBlock.Builder b = CodeBlock.builder();
    int at = 0;
    for (int i = 0; i < node.inputs().size(); i++) {
      int c = node.inputShapes().get(i).c();
      b.beginControlFlow("if (dx$L != null)", i);
      b.beginControlFlow("for (int p = 0; p < $L; p++)", out.h() * out.w());
      b.beginControlFlow("for (int j = 0; j < $L; j++)", c);
      b.addStatement("dx$L[dx$Lo + p * $L + j] += d[dyo + p * $L + $L + j]", i, i, c, out.c(), at);
      b.endControlFlow().endControlFlow().endControlFlow();
      at += c;
    }
    return b.build();
  }

  private static CodeBlock loop(long n, String statement) {
    return CodeBlock.builder()
        .beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement(statement)
        .endControlFlow()
        .build();
  }

  private static CodeBlock guarded(CodeBlock body) {
    return CodeBlock.builder()
        .beginControlFlow("if (dx != null)")
        .add(body)
        .endControlFlow()
        .build();
  }

  /** Training-mode forward of a Dropout layer: a fresh inverted mask per example and step. */
  MethodSpec dropoutForwardTrain(Node node, int layerIndex) {
    LayerSpec.Dropout drop = (LayerSpec.Dropout) node.spec();
    long n = node.output().size();
    return MethodSpec.methodBuilder(node.name() + "ForwardTrain")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "Training forward of $L: y = x * mask, mask in {0, 1 / (1 - rate)}.\n", node.name())
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "ao")
        .addParameter(long.class, "seed")
        .addParameter(int.class, "example")
        .addStatement("int yo = ao + $L", layout.out(node))
        .addStatement("int mo = ao + $L", layout.scratch(node, Layout.MASK))
        .addStatement(
            "$T.mask(a, mo, $L, $Lf, seed, $L, example)",
            DROPOUTS,
            n,
            (float) drop.rate(),
            layerIndex)
        .beginControlFlow("for (int i = 0; i < $L; i++)", n)
        .addStatement("a[yo + i] = x[xo + i] * a[mo + i]")
        .endControlFlow()
        .build();
  }

  /**
   * Training-mode forward of a BatchNormalization over the whole batch: batch mean and (biased)
   * variance per channel, normalise, and move the moving statistics by {@code momentum}.
   */
  MethodSpec batchNormForwardTrain(Node node) {
    LayerSpec.BatchNormalization bn = (LayerSpec.BatchNormalization) node.spec();
    int c = node.output().c();
    long positions = node.output().size() / c;
    int st = layout.stats(node);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("double count = (double) n * $L", positions);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("double sum = 0");
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
    b.addStatement("sum += x[xo + e * xs + p * $L + c]", c);
    b.endControlFlow().endControlFlow();
    b.addStatement("double mean = sum / count");
    b.addStatement("double sq = 0");
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
    b.addStatement("double v = x[xo + e * xs + p * $L + c] - mean", c);
    b.addStatement("sq += v * v");
    b.endControlFlow().endControlFlow();
    b.addStatement("double var = sq / count");
    b.addStatement("st[$L + c] = (float) mean", st);
    b.addStatement("st[$L + c] = (float) (1.0 / Math.sqrt(var + $L))", st + c, bn.epsilon());
    b.addStatement("int mm = $L + c", layout.param(node, "moving_mean"));
    b.addStatement("int mv = $L + c", layout.param(node, "moving_variance"));
    b.addStatement("w[mm] = (float) (w[mm] * $L + mean * (1 - $L))", bn.momentum(), bn.momentum());
    b.addStatement("w[mv] = (float) (w[mv] * $L + var * (1 - $L))", bn.momentum(), bn.momentum());
    b.endControlFlow();
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.addStatement("int yo = ao + e * as + $L", layout.out(node));
    b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement(
        "float xhat = (x[xo + e * xs + p * $L + c] - st[$L + c]) * st[$L + c]", c, st, st + c);
    b.addStatement("a[yo + p * $L + c] = $L", c, affine(node, bn, "xhat"));
    b.endControlFlow().endControlFlow().endControlFlow();
    return MethodSpec.methodBuilder(node.name() + "ForwardTrain")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("$L", Headers.of(node, layout))
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(int.class, "xs")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "ao")
        .addParameter(int.class, "as")
        .addParameter(int.class, "n")
        .addParameter(float[].class, "st")
        .addCode(b.build())
        .build();
  }

  private CodeBlock affine(Node node, LayerSpec.BatchNormalization bn, String xhat) {
    CodeBlock scaled =
        bn.scale()
            ? CodeBlock.of("w[$L + c] * $L", layout.param(node, "gamma"), xhat)
            : CodeBlock.of("$L", xhat);
    return bn.center()
        ? CodeBlock.of("$L + w[$L + c]", scaled, layout.param(node, "beta"))
        : scaled;
  }

  /**
   * Backward of a BatchNormalization in training mode over the whole batch: with M = n * h * w, dx
   * = gamma * invstd / M * (M dy - sum(dy) - xhat * sum(dy xhat)).
   */
  MethodSpec batchNormBackward(Node node) {
    LayerSpec.BatchNormalization bn = (LayerSpec.BatchNormalization) node.spec();
    int c = node.output().c();
    long positions = node.output().size() / c;
    int st = layout.stats(node);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("double count = (double) n * $L", positions);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("double sumDy = 0");
    b.addStatement("double sumDyXhat = 0");
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
    b.addStatement("float dy = d[dOff + e * as + $L + p * $L + c]", layout.out(node), c);
    b.addStatement(
        "float xhat = (x[xo + e * xs + p * $L + c] - st[$L + c]) * st[$L + c]", c, st, st + c);
    b.addStatement("sumDy += dy");
    b.addStatement("sumDyXhat += dy * xhat");
    b.endControlFlow().endControlFlow();
    if (bn.scale()) {
      b.addStatement("g[$L + c] += (float) sumDyXhat", layout.param(node, "gamma"));
    }
    if (bn.center()) {
      b.addStatement("g[$L + c] += (float) sumDy", layout.param(node, "beta"));
    }
    b.addStatement("st[$L + c] = (float) (sumDy / count)", st + 2 * c);
    b.addStatement("st[$L + c] = (float) (sumDyXhat / count)", st + 3 * c);
    b.endControlFlow();
    b.beginControlFlow("if (dx == null)").addStatement("return").endControlFlow();
    b.beginControlFlow("for (int e = 0; e < n; e++)");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", positions);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
    b.addStatement("float dy = d[dOff + e * as + $L + p * $L + c]", layout.out(node), c);
    b.addStatement(
        "float xhat = (x[xo + e * xs + p * $L + c] - st[$L + c]) * st[$L + c]", c, st, st + c);
    b.addStatement(
        "float scale = $L",
        bn.scale()
            ? CodeBlock.of("w[$L + c] * st[$L + c]", layout.param(node, "gamma"), st + c)
            : CodeBlock.of("st[$L + c]", st + c));
    b.addStatement(
        "dx[dxo + e * dxs + p * $L + c] += scale * (dy - st[$L + c] - xhat * st[$L + c])",
        c,
        st + 2 * c,
        st + 3 * c);
    b.endControlFlow().endControlFlow().endControlFlow();
    return MethodSpec.methodBuilder(node.name() + "Backward")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(
            "Backward of $L over the batch, with the statistics of its training forward.\n",
            node.name())
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "g")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xo")
        .addParameter(int.class, "xs")
        .addParameter(float[].class, "dx")
        .addParameter(int.class, "dxo")
        .addParameter(int.class, "dxs")
        .addParameter(float[].class, "d")
        .addParameter(int.class, "dOff")
        .addParameter(int.class, "as")
        .addParameter(int.class, "n")
        .addParameter(float[].class, "st")
        .addCode(b.build())
        .build();
  }
}
