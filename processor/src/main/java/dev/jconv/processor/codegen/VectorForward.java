package dev.jconv.processor.codegen;

import static dev.jconv.processor.codegen.VectorConv.FLOAT_VECTOR;
import static dev.jconv.processor.codegen.VectorConv.lanes;
import static dev.jconv.processor.codegen.VectorConv.scalarAct;
import static dev.jconv.processor.codegen.VectorConv.vectorAct;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.Activation.Fn;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the SIMD forward method of one layer, with the signature and results of its {@link
 * ScalarForward} twin, on {@code FloatVector} lanes of the species {@code S} along the contiguous
 * channel axis: the Lucene skeleton of vector loop, then a scalar tail for the channels left over,
 * correct for any lane count. Layers where SIMD does not pay (copies, concatenation, depth
 * multipliers above 1) call the scalar method.
 */
final class VectorForward {
  private final Layout layout;

  VectorForward(Layout layout) {
    this.layout = layout;
  }

  /** {@code conv1Forward} and the helper methods it calls. */
  List<MethodSpec> forward(Node node) {
    List<MethodSpec> methods = new ArrayList<>();
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Forward")
            .addModifiers(Modifier.STATIC)
            .addJavadoc(Headers.of(node, layout))
            .addParameter(float[].class, "w");
    CodeBlock.Builder args = CodeBlock.builder().add("w");
    int inputs = node.inputs().size();
    if (inputs == 1) {
      m.addParameter(float[].class, "x").addParameter(int.class, "xo");
      args.add(", x, xo");
    } else {
      for (int i = 0; i < inputs; i++) {
        m.addParameter(float[].class, "x" + i).addParameter(int.class, "x" + i + "o");
        args.add(", x$L, x$Lo", i, i);
      }
    }
    m.addParameter(float[].class, "a").addParameter(int.class, "ao");
    args.add(", a, ao");
    CodeBlock body = body(node, methods);
    if (body == null) {
      m.addStatement("Scalar.$N($L)", node.name() + "Forward", args.build());
    } else {
      m.addStatement("int yo = ao + $L", layout.out(node));
      m.addCode(body);
    }
    methods.add(0, m.build());
    return methods;
  }

  /** The body, or null when the layer runs its scalar method. */
  private CodeBlock body(Node node, List<MethodSpec> helpers) {
    LayerSpec spec = node.spec();
    if (spec instanceof LayerSpec.Conv2D c) {
      return conv(node, c, helpers);
    } else if (spec instanceof LayerSpec.DepthwiseConv2D d && d.depthMultiplier() == 1) {
      return CodeBlock.builder()
          .add(depthwise(node, "a", "yo", d.useBias(), d.activation()))
          .add(afterwards(node))
          .build();
    } else if (spec instanceof LayerSpec.SeparableConv2D s && s.depthMultiplier() == 1) {
      return separable(node, s, helpers);
    } else if (spec instanceof LayerSpec.Dense d) {
      return dense(node, d, helpers);
    } else if (spec instanceof LayerSpec.MaxPooling2D p) {
      return pool(node, p.poolSize(), p.strides(), p.padding(), true);
    } else if (spec instanceof LayerSpec.AveragePooling2D p) {
      return pool(node, p.poolSize(), p.strides(), p.padding(), false);
    } else if (spec instanceof LayerSpec.GlobalAveragePooling2D) {
      return global(node, false);
    } else if (spec instanceof LayerSpec.GlobalMaxPooling2D) {
      return global(node, true);
    } else if (spec instanceof LayerSpec.BatchNormalization bn) {
      return batchNorm(node, bn);
    } else if (spec instanceof LayerSpec.Add) {
      return add(node);
    } else if (spec instanceof LayerSpec.Activation act && VectorConv.fusable(act.value())) {
      return elementwise(node, act.value());
    }
    return null;
  }

  private CodeBlock conv(Node node, LayerSpec.Conv2D c, List<MethodSpec> helpers) {
    Padded pd = Padded.of(node);
    Shape3 out = Shape3.of(node.output());
    CodeBlock.Builder b = CodeBlock.builder();
    String src = "x";
    String base = "xo";
    if (pd.copies()) {
      b.add(padCopy(node, pd));
      src = "a";
      base = "po";
    }
    IntPair k = pd.kernel();
    IntPair d = pd.dilation();
    int cin = pd.c();
    boolean flat =
        k.h() == 1 && k.w() == 1 && pd.strides().h() == 1 && pd.strides().w() == 1 && !pd.copies();
    int width = flat ? out.h() * out.w() : out.w();
    Fn fn = c.activation();
    VectorConv.Tile tile =
        new VectorConv.Tile(
            VectorConv.pixelsPerTile(out.c(), width),
            out.c(),
            k.h(),
            d.w() == 1 ? 1 : k.w(),
            d.w() == 1 ? k.w() * cin : cin,
            pd.strides().w() * cin,
            d.h() * pd.w() * cin,
            d.w() * cin,
            layout.param(node, "kernel"),
            c.useBias() ? layout.param(node, "bias") : -1,
            VectorConv.fusable(fn) ? fn : Fn.LINEAR);
    CodeBlock row = VectorConv.row(node.name(), tile, width, src, helpers);
    if (flat) {
      b.addStatement("int xr = $L", base);
      b.addStatement("int yr = yo");
      b.add(row);
    } else {
      b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
      b.addStatement("int xr = $L + oh * $L", base, pd.strides().h() * pd.w() * cin);
      b.addStatement("int yr = yo + oh * $L", out.w() * out.c());
      b.add(row);
      b.endControlFlow();
    }
    return b.add(afterwards(node)).build();
  }

  /** Copies the input into the zero-padded buffer at {@code a[po...]}. */
  private CodeBlock padCopy(Node node, Padded pd) {
    int c = pd.c();
    int rowLength = pd.w() * c;
    int right = pd.w() - pd.left() - pd.in().w();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int po = ao + $L", layout.scratch(node, Layout.PAD));
    b.beginControlFlow("for (int h = 0; h < $L; h++)", pd.h());
    b.addStatement("int r = po + h * $L", rowLength);
    b.beginControlFlow("if (h < $L || h >= $L)", pd.top(), pd.top() + pd.in().h());
    b.addStatement("$T.fill(a, r, r + $L, 0f)", Arrays.class, rowLength);
    b.addStatement("continue");
    b.endControlFlow();
    if (pd.left() > 0) {
      b.addStatement("$T.fill(a, r, r + $L, 0f)", Arrays.class, pd.left() * c);
    }
    b.addStatement(
        "$T.arraycopy(x, xo + (h - $L) * $L, a, r + $L, $L)",
        System.class,
        pd.top(),
        pd.in().w() * c,
        pd.left() * c,
        pd.in().w() * c);
    if (right > 0) {
      b.addStatement(
          "$T.fill(a, r + $L, r + $L, 0f)", Arrays.class, (pd.left() + pd.in().w()) * c, rowLength);
    }
    b.endControlFlow();
    return b.build();
  }

  /** Depthwise (multiplier 1) into {@code dst[dstOff...]}: vectors along the channels. */
  private CodeBlock depthwise(Node node, String dst, String dstOff, boolean useBias, Fn fn) {
    Padded pd = Padded.of(node);
    Shape3 out = Shape3.of(node.output());
    int c = pd.c();
    Fn act = VectorConv.fusable(fn) ? fn : Fn.LINEAR;
    int kernel = layout.param(node, "depthwise_kernel");
    int bias = useBias ? layout.param(node, "bias") : -1;
    CodeBlock.Builder b = CodeBlock.builder();
    String src = "x";
    String base = "xo";
    if (pd.copies()) {
      b.add(padCopy(node, pd));
      src = "a";
      base = "po";
    }
    IntPair k = pd.kernel();
    int rowStep = pd.dilation().h() * pd.w() * c;
    int colStep = pd.dilation().w() * c;
    String tap = "kh * " + rowStep + " + kw * " + colStep;
    String wtap = kernel + " + (kh * " + k.w() + " + kw) * " + c;
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement(
        "int xp = $L + oh * $L + ow * $L",
        base,
        pd.strides().h() * pd.w() * c,
        pd.strides().w() * c);
    b.addStatement("int yi = $L + (oh * $L + ow) * $L", dstOff, out.w(), c);
    b.addStatement("int c = 0");
    String source = src;
    lanesLoops(
        b,
        "c",
        c,
        sp -> {
          CodeBlock.Builder v = CodeBlock.builder();
          v.addStatement(
              useBias
                  ? "$T acc = $T.fromArray(" + sp + ", w, " + bias + " + c)"
                  : "$T acc = $T.zero(" + sp + ")",
              FLOAT_VECTOR,
              FLOAT_VECTOR);
          v.beginControlFlow("for (int kh = 0; kh < $L; kh++)", k.h());
          v.beginControlFlow("for (int kw = 0; kw < $L; kw++)", k.w());
          v.addStatement(
              "$T xv = $T.fromArray($L, $L, xp + $L + c)",
              FLOAT_VECTOR,
              FLOAT_VECTOR,
              sp,
              source,
              tap);
          v.addStatement("acc = xv.fma($T.fromArray($L, w, $L + c), acc)", FLOAT_VECTOR, sp, wtap);
          v.endControlFlow().endControlFlow();
          v.addStatement("$L.intoArray($L, yi + c)", vectorAct(act, "acc"), dst);
          return v.build();
        });
    b.beginControlFlow("for (; c < $L; c++)", c);
    b.addStatement("float s = $L", useBias ? "w[" + bias + " + c]" : "0f");
    b.beginControlFlow("for (int kh = 0; kh < $L; kh++)", k.h());
    b.beginControlFlow("for (int kw = 0; kw < $L; kw++)", k.w());
    b.addStatement("s += $L[xp + $L + c] * w[$L + c]", src, tap, wtap);
    b.endControlFlow().endControlFlow();
    b.addStatement("$L[yi + c] = $L", dst, scalarAct(act, "s"));
    b.endControlFlow();
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  /** Depthwise into the scratch buffer, then the pointwise 1x1 convolution as conv tiles. */
  private CodeBlock separable(Node node, LayerSpec.SeparableConv2D s, List<MethodSpec> helpers) {
    Shape3 out = Shape3.of(node.output());
    int mid = Shape3.of(node.inputShapes().get(0)).c();
    int pixels = out.h() * out.w();
    Fn fn = s.activation();
    VectorConv.Tile tile =
        new VectorConv.Tile(
            VectorConv.pixelsPerTile(out.c(), pixels),
            out.c(),
            1,
            1,
            mid,
            mid,
            0,
            0,
            layout.param(node, "pointwise_kernel"),
            s.useBias() ? layout.param(node, "bias") : -1,
            VectorConv.fusable(fn) ? fn : Fn.LINEAR);
    return CodeBlock.builder()
        .addStatement("int mo = ao + $L", layout.scratch(node, Layout.MID))
        .add(depthwise(node, "a", "mo", false, Fn.LINEAR))
        .addStatement("int xr = mo")
        .addStatement("int yr = yo")
        .add(VectorConv.row(node.name(), tile, pixels, "a", helpers))
        .add(afterwards(node))
        .build();
  }

  /** y = x W + b with units along the lanes: groups of 8, 4 and 1 vectors, then a scalar tail. */
  private CodeBlock dense(Node node, LayerSpec.Dense d, List<MethodSpec> helpers) {
    int in = Math.toIntExact(node.inputShapes().get(0).size());
    int units = d.units();
    int kernel = layout.param(node, "kernel");
    int bias = d.useBias() ? layout.param(node, "bias") : -1;
    Fn act = VectorConv.fusable(d.activation()) ? d.activation() : Fn.LINEAR;
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int o = 0");
    for (String group : new String[] {"S8", "S4", "S1"}) {
      String sp = group.substring(0, 1);
      int vectors = Integer.parseInt(group.substring(1));
      String step = vectors == 1 ? sp + ".length()" : vectors + " * " + sp + ".length()";
      String method = node.name() + group;
      b.addStatement("o = $N(w, x, xo, a, yo, o)", method);
      CodeBlock.Builder g = CodeBlock.builder();
      denseGroup(g, sp, vectors, step, units, in, kernel, bias, act);
      g.addStatement("return o");
      helpers.add(
          MethodSpec.methodBuilder(method)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addJavadoc("Units from {@code o} in groups of $L {@code $L} vectors.\n", vectors, sp)
              .returns(int.class)
              .addParameter(float[].class, "w")
              .addParameter(float[].class, "x")
              .addParameter(int.class, "xo")
              .addParameter(float[].class, "a")
              .addParameter(int.class, "yo")
              .addParameter(int.class, "o")
              .addCode(g.build())
              .build());
    }
    b.beginControlFlow("for (; o < $L; o++)", units);
    b.addStatement("float s = $L", bias >= 0 ? "w[" + bias + " + o]" : "0f");
    b.beginControlFlow("for (int i = 0; i < $L; i++)", in);
    b.addStatement("s += x[xo + i] * w[$L + i * $L + o]", kernel, units);
    b.endControlFlow();
    b.addStatement("a[yo + o] = $L", scalarAct(act, "s"));
    b.endControlFlow();
    return b.add(afterwards(node)).build();
  }

  private static void denseGroup(
      CodeBlock.Builder b,
      String sp,
      int vectors,
      String step,
      int units,
      int in,
      int kernel,
      int bias,
      Fn act) {
    {
      b.beginControlFlow("for (; o <= $L - $L; o += $L)", units, step, step);
      b.addStatement("int L = $L.length()", sp);
      for (int v = 0; v < vectors; v++) {
        if (bias >= 0) {
          b.addStatement(
              "$T c$L = $T.fromArray($L, w, $L + o$L)",
              FLOAT_VECTOR,
              v,
              FLOAT_VECTOR,
              sp,
              bias,
              lanes(v));
        } else {
          b.addStatement("$T c$L = $T.zero($L)", FLOAT_VECTOR, v, FLOAT_VECTOR, sp);
        }
      }
      b.beginControlFlow("for (int i = 0; i < $L; i++)", in);
      b.addStatement("$T xv = $T.broadcast($L, x[xo + i])", FLOAT_VECTOR, FLOAT_VECTOR, sp);
      b.addStatement("int wi = $L + i * $L + o", kernel, units);
      for (int v = 0; v < vectors; v++) {
        b.addStatement(
            "c$L = xv.fma($T.fromArray($L, w, wi$L), c$L)", v, FLOAT_VECTOR, sp, lanes(v), v);
      }
      b.endControlFlow();
      for (int v = 0; v < vectors; v++) {
        b.addStatement("$L.intoArray(a, yo + o$L)", vectorAct(act, "c" + v), lanes(v));
      }
      b.endControlFlow();
    }
  }

  /**
   * Max or average pooling, channels along the lanes. A full window is read at constant offsets
   * (unrolled up to 16 cells); a window cut by SAME padding takes the scalar path over its real
   * cells, as TensorFlow does.
   */
  private CodeBlock pool(Node node, IntPair k, IntPair s, dev.jconv.Padding padding, boolean max) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    Shape3 out = Shape3.of(node.output());
    int top = ScalarForward.padBefore(in.h(), k.h(), s.h(), 1, padding);
    int left = ScalarForward.padBefore(in.w(), k.w(), s.w(), 1, padding);
    int c = in.c();
    boolean unroll = k.h() * k.w() <= 16;
    String op = max ? "max" : "add";
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
    b.addStatement("int h0 = Math.max(oh * $L - $L, 0)", s.h(), top);
    b.addStatement("int h1 = Math.min(oh * $L - $L + $L, $L)", s.h(), top, k.h(), in.h());
    b.beginControlFlow("for (int ow = 0; ow < $L; ow++)", out.w());
    b.addStatement("int w0 = Math.max(ow * $L - $L, 0)", s.w(), left);
    b.addStatement("int w1 = Math.min(ow * $L - $L + $L, $L)", s.w(), left, k.w(), in.w());
    b.addStatement("int yi = yo + (oh * $L + ow) * $L", out.w(), c);
    b.addStatement("int c = 0");
    b.beginControlFlow("if (h1 - h0 == $L && w1 - w0 == $L)", k.h(), k.w());
    b.addStatement("int xb = xo + (h0 * $L + w0) * $L", in.w(), c);
    lanesLoops(
        b,
        "c",
        c,
        sp -> {
          CodeBlock.Builder v = CodeBlock.builder();
          v.addStatement(
              max
                  ? "$T acc = $T.broadcast(" + sp + ", Float.NEGATIVE_INFINITY)"
                  : "$T acc = $T.zero(" + sp + ")",
              FLOAT_VECTOR,
              FLOAT_VECTOR);
          if (unroll) {
            for (int dh = 0; dh < k.h(); dh++) {
              for (int dw = 0; dw < k.w(); dw++) {
                int off = (dh * in.w() + dw) * c;
                v.addStatement(
                    "acc = acc.$L($T.fromArray($L, x, xb + $Lc))",
                    op,
                    FLOAT_VECTOR,
                    sp,
                    off == 0 ? "" : off + " + ");
              }
            }
          } else {
            v.beginControlFlow("for (int dh = 0; dh < $L; dh++)", k.h());
            v.beginControlFlow("for (int dw = 0; dw < $L; dw++)", k.w());
            v.addStatement(
                "acc = acc.$L($T.fromArray($L, x, xb + (dh * $L + dw) * $L + c))",
                op,
                FLOAT_VECTOR,
                sp,
                in.w(),
                c);
            v.endControlFlow().endControlFlow();
          }
          if (!max) {
            v.addStatement("acc = acc.div($Lf)", k.h() * k.w());
          }
          v.addStatement("acc.intoArray(a, yi + c)");
          return v.build();
        });
    b.endControlFlow();
    b.beginControlFlow("for (; c < $L; c++)", c);
    b.addStatement(max ? "float acc = Float.NEGATIVE_INFINITY" : "float acc = 0f");
    b.beginControlFlow("for (int ih = h0; ih < h1; ih++)");
    b.beginControlFlow("for (int iw = w0; iw < w1; iw++)");
    b.addStatement("float v = x[xo + (ih * $L + iw) * $L + c]", in.w(), c);
    b.addStatement(max ? "acc = Math.max(acc, v)" : "acc += v");
    b.endControlFlow().endControlFlow();
    b.addStatement(max ? "a[yi + c] = acc" : "a[yi + c] = acc / ((h1 - h0) * (w1 - w0))");
    b.endControlFlow();
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  private CodeBlock global(Node node, boolean max) {
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    int c = in.c();
    int pixels = in.h() * in.w();
    String inv = Float.toString((float) (1.0 / pixels)) + "f";
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int c = 0");
    lanesLoops(
        b,
        "c",
        c,
        sp -> {
          CodeBlock.Builder v = CodeBlock.builder();
          v.addStatement(
              max
                  ? "$T acc = $T.broadcast(" + sp + ", Float.NEGATIVE_INFINITY)"
                  : "$T acc = $T.zero(" + sp + ")",
              FLOAT_VECTOR,
              FLOAT_VECTOR);
          v.beginControlFlow("for (int p = 0; p < $L; p++)", pixels);
          v.addStatement(
              "acc = acc.$L($T.fromArray($L, x, xo + p * $L + c))",
              max ? "max" : "add",
              FLOAT_VECTOR,
              sp,
              c);
          v.endControlFlow();
          v.addStatement(
              max ? "acc.intoArray(a, yo + c)" : "acc.mul(" + inv + ").intoArray(a, yo + c)");
          return v.build();
        });
    b.beginControlFlow("for (; c < $L; c++)", c);
    b.addStatement(max ? "float acc = Float.NEGATIVE_INFINITY" : "float acc = 0f");
    b.beginControlFlow("for (int p = 0; p < $L; p++)", pixels);
    b.addStatement(
        max ? "acc = Math.max(acc, x[xo + p * $L + c])" : "acc += x[xo + p * $L + c]", c);
    b.endControlFlow();
    b.addStatement(max ? "a[yo + c] = acc" : "a[yo + c] = acc * " + inv);
    b.endControlFlow();
    return b.build();
  }

  /** Inference: y = x * scale + shift per channel (not fused, so equal to the scalar twin). */
  private CodeBlock batchNorm(Node node, LayerSpec.BatchNormalization bn) {
    int c = node.output().c();
    long size = node.output().size();
    CodeBlock.Builder b = CodeBlock.builder().add(ScalarForward.batchNormAffine(node, bn, layout));
    b.beginControlFlow("for (int p = 0; p < $L; p += $L)", size, c);
    b.addStatement("int c = 0");
    lanesLoops(
        b,
        "c",
        c,
        sp ->
            CodeBlock.builder()
                .addStatement(
                    "$T.fromArray($L, x, xo + p + c).mul($T.fromArray($L, a, so + c))"
                        + ".add($T.fromArray($L, a, so + $L + c)).intoArray(a, yo + p + c)",
                    FLOAT_VECTOR,
                    sp,
                    FLOAT_VECTOR,
                    sp,
                    FLOAT_VECTOR,
                    sp,
                    c)
                .build());
    b.beginControlFlow("for (; c < $L; c++)", c);
    b.addStatement("a[yo + p + c] = x[xo + p + c] * a[so + c] + a[so + $L + c]", c);
    b.endControlFlow();
    b.endControlFlow();
    return b.build();
  }

  private CodeBlock add(Node node) {
    long size = node.output().size();
    CodeBlock.Builder sum = CodeBlock.builder().add("x0[x0o + i]");
    for (int i = 1; i < node.inputs().size(); i++) {
      sum.add(" + x$L[x$Lo + i]", i, i);
    }
    CodeBlock.Builder b = CodeBlock.builder().addStatement("int i = 0");
    lanesLoops(
        b,
        "i",
        size,
        sp -> {
          CodeBlock.Builder vsum =
              CodeBlock.builder().add("$T.fromArray($L, x0, x0o + i)", FLOAT_VECTOR, sp);
          for (int i = 1; i < node.inputs().size(); i++) {
            vsum.add(".add($T.fromArray($L, x$L, x$Lo + i))", FLOAT_VECTOR, sp, i, i);
          }
          return CodeBlock.of("$L.intoArray(a, yo + i);\n", vsum.build());
        });
    return b.beginControlFlow("for (; i < $L; i++)", size)
        .addStatement("a[yo + i] = $L", sum.build())
        .endControlFlow()
        .build();
  }

  /** A stand-alone RELU, RELU6 or LEAKY_RELU. */
  private CodeBlock elementwise(Node node, Fn fn) {
    long size = node.output().size();
    CodeBlock.Builder b = CodeBlock.builder().addStatement("int i = 0");
    lanesLoops(
        b,
        "i",
        size,
        sp ->
            CodeBlock.builder()
                .addStatement("$T v = $T.fromArray($L, x, xo + i)", FLOAT_VECTOR, FLOAT_VECTOR, sp)
                .addStatement("$L.intoArray(a, yo + i)", vectorAct(fn, "v"))
                .build());
    return b.beginControlFlow("for (; i < $L; i++)", size)
        .addStatement("float v = x[xo + i]")
        .addStatement("a[yo + i] = $L", scalarAct(fn, "v"))
        .endControlFlow()
        .build();
  }

  /**
   * The Lucene skeleton along a contiguous axis: {@code var} from its current value in steps of
   * {@code S}'s lanes while a whole vector fits below {@code bound}; the caller adds the scalar
   * tail. {@code body} gets the species name.
   */
  private static void lanesLoops(
      CodeBlock.Builder b, String var, long bound, Function<String, CodeBlock> body) {
    b.beginControlFlow("for (; $L <= $L - S.length(); $L += S.length())", var, bound, var);
    b.add(body.apply("S"));
    b.endControlFlow();
  }

  /** The fused activation that the kernels' epilogue does not apply, over the whole output. */
  private CodeBlock afterwards(Node node) {
    Fn fn = node.spec().fusedActivation();
    if (VectorConv.fusable(fn)) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder b = CodeBlock.builder();
    if (fn == Fn.SWISH || fn == Fn.SOFTMAX) {
      b.addStatement(
          "$T.arraycopy(a, yo, a, ao + $L, $L)",
          System.class,
          layout.scratch(node, Layout.PRE),
          node.output().size());
    }
    return b.add(ScalarForward.activation(fn, node)).build();
  }
}
