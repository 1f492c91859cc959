package dev.jconv.processor.kind;

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
    b.endControlFlow();
    Loops.close(b, windows);
    return b.build();
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
