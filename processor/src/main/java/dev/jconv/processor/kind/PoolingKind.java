package dev.jconv.processor.kind;

import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Ix;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Shape3;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.emit.Vectors;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import dev.jconv.processor.model.Window;
import java.util.List;

/**
 * What MaxPooling2D and AveragePooling2D share: everything but the reduction. Windows cut by SAME
 * padding cover only their real cells, as TensorFlow does.
 *
 * @param <S> the pooling spec
 */
abstract class PoolingKind<S extends LayerSpec> extends LayerKind<S> {
  private final Window window;
  private final boolean max;

  /** A pooling kind of {@code spec} over {@code window}: max or average. */
  PoolingKind(S spec, Window window, boolean max) {
    super(spec);
    this.window = window;
    this.max = max;
  }

  /** Strides default to the pool size, read once so that a bad one is reported once. */
  static IntPair strides(LayerAttributes a, IntPair poolSize) {
    return a.getInts("strides").isEmpty() ? poolSize : a.pair("strides");
  }

  @Override
  public final void checkAttributes(AttributeCheck check) {
    check.pool(window);
  }

  @Override
  public final Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Inferred notImage = LayerInference.needsImage(spec, inputs.get(0), inputNames.get(0));
    return notImage != null ? notImage : LayerInference.pool(spec, inputs.get(0), window);
  }

  /**
   * Opens the loops over output rows and columns with {@code [h0, h1) x [w0, w1)} the window's real
   * input rows and columns, and {@code yi} the output pixel from {@code base}; returns the loops.
   */
  private Ix[] openWindows(CodeBlock.Builder b, Site site, Ix base) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    Window.Padded pd = window.padded(site.node().inputShapes().get(0));
    Ix oh = Loops.range(b, "oh", out.h());
    bounds(b, "h", oh.times(window.strides().h()), pd.top(), window.kernel().h(), in.h(), pd.h());
    Ix ow = Loops.range(b, "ow", out.w());
    bounds(b, "w", ow.times(window.strides().w()), pd.left(), window.kernel().w(), in.w(), pd.w());
    b.addStatement("int yi = $L", base.plus(oh.times(out.w() * out.c())).plus(ow.times(out.c())));
    return new Ix[] {oh, ow};
  }

  /** {@code h0, h1}: the real cells of a window starting at {@code start - before}. */
  private static void bounds(
      CodeBlock.Builder b, String axis, Ix start, int before, int k, int in, int padded) {
    if (padded == in) {
      b.addStatement("int $L0 = $L", axis, start);
      b.addStatement("int $L1 = $L0 + $L", axis, axis, k);
    } else {
      b.addStatement("int $L0 = Math.max($L, 0)", axis, start.plus(-before));
      b.addStatement("int $L1 = Math.min($L, $L)", axis, start.plus(k - before), in);
    }
  }

  /**
   * Opens the loops over the real cells {@code [h0, h1) x [w0, w1)} of a window, with {@code xp}
   * the input index of channel {@code c} in the cell; close both with {@code endControlFlow}.
   */
  private static CodeBlock openCells(Shape3 in) {
    return CodeBlock.builder()
        .beginControlFlow("for (int ih = h0; ih < h1; ih++)")
        .beginControlFlow("for (int iw = w0; iw < w1; iw++)")
        .addStatement("int xp = (ih * $L + iw) * $L + c", in.w(), in.c())
        .build();
  }

  /** The scalar reduction of channel {@code c} over the window's real cells into {@code acc}. */
  private static CodeBlock reduceCells(Shape3 in, boolean max) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement(max ? "float acc = Float.NEGATIVE_INFINITY" : "float acc = 0f");
    b.add(openCells(in));
    b.addStatement(max ? "acc = Math.max(acc, x[xo + xp])" : "acc += x[xo + xp]");
    b.endControlFlow().endControlFlow();
    b.addStatement(max ? "a[yi + c] = acc" : "a[yi + c] = acc / ((h1 - h0) * (w1 - w0))");
    return b.build();
  }

  /** Max or average over each window's real (not padded) cells. */
  @Override
  public final CodeBlock scalarForward(Site site) {
    CodeBlock.Builder b = CodeBlock.builder();
    Ix[] windows = openWindows(b, site, Ix.of("yo"));
    b.beginControlFlow("for (int c = 0; c < $L; c++)", site.in().c());
    b.add(reduceCells(site.in(), max));
    b.endControlFlow();
    Loops.close(b, windows);
    return b.build();
  }

  /** Max routes each gradient to the first maximum of its window; average spreads it evenly. */
  @Override
  public final CodeBlock scalarBackward(Site site) {
    Shape3 in = site.in();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    Ix[] windows = openWindows(b, site, Ix.ZERO);
    b.beginControlFlow("for (int c = 0; c < $L; c++)", in.c());
    b.add(channelGrad(in, max));
    b.endControlFlow();
    Loops.close(b, windows);
    return b.build();
  }

  /** The gradient of channel {@code c} of the window at {@code yi}, over its real cells. */
  private static CodeBlock channelGrad(Shape3 in, boolean max) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (max) {
      b.addStatement("int best = -1");
      b.addStatement("float bestValue = Float.NEGATIVE_INFINITY");
    } else {
      b.addStatement("float share = d[dyo + yi + c] / ((h1 - h0) * (w1 - w0))");
    }
    b.add(openCells(in));
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
    return b.build();
  }

  /**
   * Channels along the lanes over full windows, as the scalar twin: max finds each lane's first
   * maximum (its cell index in a vector) and adds the gradient to that cell; average adds the share
   * to every cell. A window cut by SAME padding takes the scalar path.
   */
  @Override
  public final CodeBlock simdBackward(Site site) {
    Shape3 in = site.in();
    IntPair k = window.kernel();
    int c = in.c();
    boolean cut = window.padded(site.node().inputShapes().get(0)).copies();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.returnWithoutDx());
    Ix[] windows = openWindows(b, site, Ix.ZERO);
    if (cut) {
      b.beginControlFlow("if (h1 - h0 == $L && w1 - w0 == $L)", k.h(), k.w());
    }
    b.addStatement("int xb = $L", Ix.of("h0").times(in.w() * c).plus(Ix.of("w0").times(c)));
    Vectors.channelLoop(
        b,
        "c",
        c,
        "dxo + " + in.size(),
        false,
        v -> vectorWindowGrad(v, in, k, max),
        channelGrad(in, max));
    if (cut) {
      b.nextControlFlow("else");
      b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
      b.add(channelGrad(in, max));
      b.endControlFlow();
      b.endControlFlow();
    }
    Loops.close(b, windows);
    return b.build();
  }

  private static CodeBlock vectorWindowGrad(Vectors.Vec vec, Shape3 in, IntPair k, boolean max) {
    int cells = k.h() * k.w();
    boolean unrolled = cells <= 16;
    CodeBlock.Builder v = CodeBlock.builder();
    v.addStatement("$T dy = $L", FLOAT_VECTOR, vec.load("d", "dyo + yi + c"));
    if (max) {
      v.addStatement("$T best = $L", FLOAT_VECTOR, vec.load("x", "xo + xb + c"));
      v.addStatement("$T idx = $T.zero(S)", FLOAT_VECTOR, FLOAT_VECTOR);
      forCells(v, in, k, unrolled, 1, (n, off) -> bestCell(vec, n, off));
      forCells(v, in, k, unrolled, 0, (n, off) -> routeCell(vec, n, off));
    } else {
      v.addStatement("$T share = dy.div($Lf)", FLOAT_VECTOR, cells);
      forCells(v, in, k, unrolled, 0, (n, off) -> vec.accumulate("share", "dx", "dxo + " + off));
    }
    return v.build();
  }

  /** Updates the lanes' maximum {@code best} and its cell {@code idx} with cell {@code n}. */
  private static CodeBlock bestCell(Vectors.Vec vec, String n, String off) {
    return CodeBlock.builder()
        .add("{\n$>")
        .addStatement("$T xv = $L", FLOAT_VECTOR, vec.load("x", "xo + " + off))
        .addStatement(
            "$T<Float> gt = xv.compare($T.GT, best)", Vectors.VECTOR_MASK, Vectors.VECTOR_OPERATORS)
        .addStatement("best = best.blend(xv, gt)")
        .addStatement("idx = idx.blend($T.broadcast(S, (float) $L), gt)", FLOAT_VECTOR, n)
        .add("$<}\n")
        .build();
  }

  /** Adds the gradient of the lanes whose maximum is cell {@code n} to that cell. */
  private static CodeBlock routeCell(Vectors.Vec vec, String n, String off) {
    return CodeBlock.builder()
        .add("{\n$>")
        .addStatement(
            "$T gv = $T.zero(S).blend(dy, idx.compare($T.EQ, (float) $L))",
            FLOAT_VECTOR,
            FLOAT_VECTOR,
            Vectors.VECTOR_OPERATORS,
            n)
        .add(vec.accumulate("gv", "dx", "dxo + " + off))
        .add("$<}\n")
        .build();
  }

  /**
   * {@code cell} for the cells of a full window from the {@code first}: unrolled at constant
   * offsets, or in loops of constant trip counts; it gets the cell's index and the offset of its
   * channel {@code c} relative to the example.
   */
  private static void forCells(
      CodeBlock.Builder v,
      Shape3 in,
      IntPair k,
      boolean unrolled,
      int first,
      java.util.function.BiFunction<String, String, CodeBlock> cell) {
    int c = in.c();
    if (unrolled) {
      for (int n = first; n < k.h() * k.w(); n++) {
        int off = (n / k.w() * in.w() + n % k.w()) * c;
        v.add(cell.apply(Integer.toString(n), "xb + " + (off == 0 ? "" : off + " + ") + "c"));
      }
      return;
    }
    v.beginControlFlow("for (int n = $L; n < $L; n++)", first, k.h() * k.w());
    v.add(
        cell.apply(
            "n", "xb + (n / " + k.w() + " * " + in.w() + " + n % " + k.w() + ") * " + c + " + c"));
    v.endControlFlow();
  }

  /**
   * Channels along the lanes, the channels left over on a last (overlapping or masked) vector. A
   * full window is read at constant offsets (unrolled up to 16 cells); a window cut by SAME padding
   * takes the scalar path over its real cells.
   */
  @Override
  public final CodeBlock simdForward(Site site) {
    Shape3 in = site.in();
    IntPair k = window.kernel();
    int c = in.c();
    boolean cut = window.padded(site.node().inputShapes().get(0)).copies();
    CodeBlock.Builder b = CodeBlock.builder();
    Ix[] windows = openWindows(b, site, Ix.of("yo"));
    if (cut) {
      b.beginControlFlow("if (h1 - h0 == $L && w1 - w0 == $L)", k.h(), k.w());
    }
    b.addStatement(
        "int xb = $L", Ix.of("xo").plus(Ix.of("h0").times(in.w() * c)).plus(Ix.of("w0").times(c)));
    Vectors.channelLoop(
        b, "c", c, "yo + " + site.outSize(), true, v -> vectorWindow(v, in, k, max), null);
    if (cut) {
      b.nextControlFlow("else");
      b.beginControlFlow("for (int c = 0; c < $L; c++)", c);
      b.add(reduceCells(in, max));
      b.endControlFlow();
      b.endControlFlow();
    }
    Loops.close(b, windows);
    return b.build();
  }

  private static CodeBlock vectorWindow(Vectors.Vec vec, Shape3 in, IntPair k, boolean max) {
    int c = in.c();
    String op = max ? "max" : "add";
    CodeBlock.Builder v = CodeBlock.builder();
    v.add(Vectors.accumulator(vec.species(), max));
    if (k.h() * k.w() <= 16) {
      for (int dh = 0; dh < k.h(); dh++) {
        for (int dw = 0; dw < k.w(); dw++) {
          int off = (dh * in.w() + dw) * c;
          v.addStatement(
              "acc = acc.$L($L)", op, vec.load("x", "xb + " + (off == 0 ? "" : off + " + ") + "c"));
        }
      }
    } else {
      v.beginControlFlow("for (int dh = 0; dh < $L; dh++)", k.h());
      v.beginControlFlow("for (int dw = 0; dw < $L; dw++)", k.w());
      v.addStatement(
          "acc = acc.$L($L)", op, vec.load("x", "xb + (dh * " + in.w() + " + dw) * " + c + " + c"));
      v.endControlFlow().endControlFlow();
    }
    if (!max) {
      v.addStatement("acc = acc.div($Lf)", k.h() * k.w());
    }
    v.add(vec.store("acc", "a", "yi + c"));
    return v.build();
  }
}
