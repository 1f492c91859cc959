package dev.jconv.processor.emit;

import static dev.jconv.processor.emit.Acts.scalarAct;
import static dev.jconv.processor.emit.Acts.vectorAct;
import static dev.jconv.processor.emit.Vectors.FLOAT_VECTOR;
import static dev.jconv.processor.emit.Vectors.lanes;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.Activation.Fn;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the SIMD convolution kernels. Output channels (filters) are contiguous in NHWC, so a tile
 * of a few output pixels keeps one accumulator per (pixel, filter vector) in registers and sweeps
 * the taps: per tap a filter vector is loaded once and each pixel's input value is broadcast and
 * fused-multiply-added into its accumulator ({@code acc = x.fma(w, acc)}, the form that reaches the
 * FMA ceiling). With dilation 1 a kernel row's taps and input channels are contiguous both in the
 * input row and in the Keras kernel, so one loop of {@code kw * cin} steps covers them. SAME
 * padding is handled by a zero-padded copy of the input ({@link Loops#padCopy}), so no loop tests
 * borders.
 */
public final class ConvTiles {
  /**
   * A tile: {@code pixels} output pixels, {@code pixelStep} apart in the input, each the sum over
   * {@code rows x cols} segments of {@code seg} contiguous input values ({@code rowStep} and {@code
   * colStep} apart) times the kernel rows of {@code filters} values starting at {@code kernel}.
   *
   * @param bias offset of the bias in the weights, or null for none
   */
  public record Tile(
      int pixels,
      int filters,
      int rows,
      int cols,
      int seg,
      int pixelStep,
      int rowStep,
      int colStep,
      Offset kernel,
      Offset bias,
      Fn act) {
    Tile withPixels(int n) {
      return new Tile(n, filters, rows, cols, seg, pixelStep, rowStep, colStep, kernel, bias, act);
    }
  }

  private ConvTiles() {}

  /**
   * The generated kernels' flag for 32 vector registers: AVX-512 (a 512-bit preferred species) has
   * 32, AVX2 16. Tiles with more than about 12 accumulators run only where it is set; elsewhere
   * they would spill. {@code -Djconv.simd.wideTiles=false} clears it (to test the narrow tiles on
   * an AVX-512 machine).
   */
  public static final String WIDE = "R32";

  /** Most accumulators a tile keeps without {@link #WIDE}: with the weights and a broadcast, 16. */
  private static final int NARROW_ACCUMULATORS = 12;

  /** Accumulators that hide the FMA latency (4 cycles, 2 FMA units). */
  private static final int MIN_ACCUMULATORS = 8;

  /**
   * Pixels per tile: 12 with one filter vector (12 accumulators, 13 loads per 12 FMAs), else 8 (8
   * to 24 accumulators with one to three filter vectors; see {@link #tileMethods}).
   */
  public static int pixelsPerTile(int filters, int width) {
    return Math.min(filters <= 8 ? NARROW_ACCUMULATORS : MIN_ACCUMULATORS, width);
  }

  /** {@code private static final boolean R32}: whether this CPU has 32 vector registers. */
  public static FieldSpec wideField() {
    return FieldSpec.builder(boolean.class, WIDE, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(
            "32 vector registers (AVX-512): the conv tiles with up to 24 accumulators run only"
                + " here.\n")
        .initializer(
            "$T.SPECIES_PREFERRED.vectorBitSize() >= 512"
                + " && !\"false\".equals(System.getProperty(\"jconv.simd.wideTiles\"))",
            FLOAT_VECTOR)
        .build();
  }

  /**
   * Calls to the tile methods over {@code count} output pixels of one row (input from {@code xr},
   * output from {@code yr}), and adds those methods to {@code helpers}.
   */
  public static CodeBlock row(
      String name, Tile tile, int count, String src, List<MethodSpec> helpers) {
    int p = tile.pixels();
    int blocks = count / p * p;
    int rest = count % p;
    String full = name + "Tile" + p;
    String part = name + "Tile" + rest;
    helpers.addAll(tileMethods(full, tile));
    if (rest > 0) {
      helpers.addAll(tileMethods(part, tile.withPixels(rest)));
    }
    CodeBlock.Builder b = CodeBlock.builder();
    if (blocks == p) {
      b.addStatement("$N(w, $L, xr, a, yr)", full, src);
    } else if (blocks > 0) {
      b.beginControlFlow("for (int ow = 0; ow < $L; ow += $L)", blocks, p);
      b.addStatement(
          "$N(w, $L, $L, a, $L)",
          full,
          src,
          Ix.of("xr").plus(Ix.of("ow").times(tile.pixelStep())),
          Ix.of("yr").plus(Ix.of("ow").times(tile.filters())));
      b.endControlFlow();
    }
    if (rest > 0) {
      b.addStatement(
          "$N(w, $L, xr + $L, a, yr + $L)",
          part,
          src,
          blocks * tile.pixelStep(),
          blocks * tile.filters());
    }
    return b.build();
  }

  /**
   * {@code conv1Tile8(w, x, xi, a, yi)}: one tile; it calls one method per group of filter vectors
   * ({@code conv1Tile8S3}: three {@code S} vectors at a time, then pairs, then singles), each small
   * enough for C2 to inline every Vector API call and keep the accumulators in registers, then does
   * the filters left over. A group is emitted when the filters fill it at 8 lanes; one with more
   * than {@link #NARROW_ACCUMULATORS} accumulators runs only where {@link #WIDE} is set (more
   * filter vectors per pixel: fewer broadcasts per FMA).
   */
  private static List<MethodSpec> tileMethods(String name, Tile t) {
    List<MethodSpec> methods = new ArrayList<>();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int o = 0");
    for (int vectors = 3; vectors >= 1; vectors--) {
      if (vectors > 1 && t.filters() < vectors * 8) {
        continue;
      }
      String g = name + "S" + vectors;
      if (t.pixels() * vectors > NARROW_ACCUMULATORS) {
        b.addStatement("if ($L) o = $N(w, x, xi, a, yi, o)", WIDE, g);
      } else {
        b.addStatement("o = $N(w, x, xi, a, yi, o)", g);
      }
      CodeBlock.Builder gb = CodeBlock.builder();
      vectorGroup(gb, t, "S", vectors);
      gb.addStatement("return o");
      methods.add(
          signature(g, t)
              .returns(int.class)
              .addParameter(int.class, "o")
              .addCode(gb.build())
              .build());
    }
    tail(b, t, name);
    CodeBlock.Builder mb = CodeBlock.builder();
    maskedGroup(mb, t);
    methods.add(signature(name + "M", t).addCode(mb.build()).build());
    methods.add(0, signature(name, t).addCode(b.build()).build());
    return methods;
  }

  /**
   * The filters left over when they are not a multiple of the lane count: with at least a vector of
   * filters, one more whole vector ending at the last filter (it recomputes a few filters to the
   * same values); with fewer filters than lanes, a masked vector while its weight loads fit in the
   * weight array (a masked load past the array's end is slow on JDK 17), else scalar code.
   */
  private static void tail(CodeBlock.Builder b, Tile t, String name) {
    int taps = t.rows() * t.cols() * t.seg();
    Ix lastLoad = Ix.of(t.kernel()).plus((taps - 1) * t.filters());
    b.beginControlFlow("if (o < $L)", t.filters());
    b.beginControlFlow("if ($L >= S.length())", t.filters());
    b.addStatement("$N(w, x, xi, a, yi, $L - S.length())", name + "S1", t.filters());
    StringBuilder fits = new StringBuilder(lastLoad + " + S.length() <= w.length");
    if (t.bias() != null) {
      fits.append(" && ").append(t.bias()).append(" + S.length() <= w.length");
    }
    b.nextControlFlow("else if ($L)", fits);
    b.addStatement("$N(w, x, xi, a, yi)", name + "M");
    b.nextControlFlow("else");
    scalarGroup(b, t);
    b.endControlFlow();
    b.endControlFlow();
  }

  /**
   * All the filters of a tile with fewer filters than lanes, in one masked vector per pixel. The
   * pixels are stored in ascending order, so where masked stores are slow (JDK 17) a pixel whose
   * whole vector ends inside the tile is stored whole: the lanes past its filters land on the next
   * pixels, which are stored afterwards.
   */
  private static void maskedGroup(CodeBlock.Builder b, Tile t) {
    b.addStatement("int o = 0");
    b.addStatement(Vectors.leadingLanes(t.filters()));
    Vectors.Vec vec = new Vectors.Vec("m", t.filters(), "yi + " + t.pixels() * t.filters());
    b.addStatement(
        "$T b0 = $L",
        FLOAT_VECTOR,
        t.bias() != null ? vec.load("w", t.bias()) : CodeBlock.of("$T.zero(S)", FLOAT_VECTOR));
    int whole = t.pixels() / MASKED_PIXELS * MASKED_PIXELS;
    if (whole > 0) {
      b.beginControlFlow("for (int h = 0; h < $L; h += $L)", whole, MASKED_PIXELS);
      maskedPixels(
          b, t, vec, MASKED_PIXELS, "xi + h * " + t.pixelStep(), "yi + h * " + t.filters(), false);
      b.endControlFlow();
    }
    if (t.pixels() > whole) {
      maskedPixels(
          b,
          t,
          vec,
          t.pixels() - whole,
          "xi + " + whole * t.pixelStep(),
          "yi + " + whole * t.filters(),
          true);
    }
  }

  /**
   * Pixels per pass of {@link #maskedGroup}: a 12-pixel masked tile was too big for C1 on JDK 25
   * ("out of virtual registers in linear scan": the seed network's conv1 at 16 lanes then stayed in
   * tier-2 code, 15x slower, in some runs), so the masked tile sweeps its pixels in passes of 6.
   */
  private static final int MASKED_PIXELS = 6;

  /**
   * {@code n} pixels of {@link #maskedGroup}, inputs from {@code xBase}, outputs at {@code yBase}.
   */
  private static void maskedPixels(
      CodeBlock.Builder b,
      Tile t,
      Vectors.Vec vec,
      int n,
      String xBase,
      String yBase,
      boolean block) {
    if (block) {
      b.add("{\n$>");
    }
    b.addStatement("int xh = $L", xBase);
    b.addStatement("int yh = $L", yBase);
    for (int p = 0; p < n; p++) {
      b.addStatement("$T c$L = b0", FLOAT_VECTOR, p);
    }
    openTaps(b, t, "xh");
    b.addStatement("$T w0 = $L", FLOAT_VECTOR, vec.load("w", "wr + j * " + t.filters()));
    for (int p = 0; p < n; p++) {
      b.addStatement(
          "c$L = $T.broadcast(S, x[xr + $Lj]).fma(w0, c$L)",
          p,
          FLOAT_VECTOR,
          p == 0 ? "" : p * t.pixelStep() + " + ",
          p);
    }
    closeTaps(b, t);
    for (int p = 0; p < n; p++) {
      if (!vectorAct(t.act(), "c").equals("c")) {
        b.addStatement("c$L = $L", p, vectorAct(t.act(), "c" + p));
      }
      b.add(vec.store("c" + p, "a", p == 0 ? "yh" : "yh + " + p * t.filters()));
    }
    if (block) {
      b.add("$<}\n");
    }
  }

  private static MethodSpec.Builder signature(String name, Tile t) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc(
            "$L output pixels x $L filters; input values at {@code x[xi...]}, pixels $L apart;"
                + " outputs at {@code a[yi...]}.\n",
            t.pixels(),
            t.filters(),
            t.pixelStep())
        .addParameter(float[].class, "w")
        .addParameter(float[].class, "x")
        .addParameter(int.class, "xi")
        .addParameter(float[].class, "a")
        .addParameter(int.class, "yi");
  }

  private static void vectorGroup(CodeBlock.Builder b, Tile t, String s, int vectors) {
    String step = vectors == 1 ? s + ".length()" : vectors + " * " + s + ".length()";
    b.beginControlFlow("for (; o <= $L - $L; o += $L)", t.filters(), step, step);
    b.addStatement("int L = $L.length()", s);
    for (int v = 0; v < vectors; v++) {
      if (t.bias() != null) {
        b.addStatement(
            "$T b$L = $T.fromArray(" + s + ", w, $L + o$L)",
            FLOAT_VECTOR,
            v,
            FLOAT_VECTOR,
            t.bias(),
            lanes(v));
      } else {
        b.addStatement("$T b$L = $T.zero($L)", FLOAT_VECTOR, v, FLOAT_VECTOR, s);
      }
    }
    for (int p = 0; p < t.pixels(); p++) {
      for (int v = 0; v < vectors; v++) {
        b.addStatement("$T c$L_$L = b$L", FLOAT_VECTOR, p, v, v);
      }
    }
    openTaps(b, t);
    b.addStatement("int wj = wr + j * $L", t.filters());
    for (int v = 0; v < vectors; v++) {
      b.addStatement(
          "$T w$L = $T.fromArray($L, w, wj$L)", FLOAT_VECTOR, v, FLOAT_VECTOR, s, lanes(v));
    }
    for (int p = 0; p < t.pixels(); p++) {
      b.addStatement(
          "$T x$L = $T.broadcast($L, x[xr + $Lj])",
          FLOAT_VECTOR,
          p,
          FLOAT_VECTOR,
          s,
          p == 0 ? "" : p * t.pixelStep() + " + ");
      for (int v = 0; v < vectors; v++) {
        b.addStatement("c$L_$L = x$L.fma(w$L, c$L_$L)", p, v, p, v, p, v);
      }
    }
    closeTaps(b, t);
    for (int p = 0; p < t.pixels(); p++) {
      for (int v = 0; v < vectors; v++) {
        b.addStatement(
            "$L.intoArray(a, yi + $Lo$L)",
            vectorAct(t.act(), "c" + p + "_" + v),
            p == 0 ? "" : p * t.filters() + " + ",
            lanes(v));
      }
    }
    b.endControlFlow();
  }

  /** The filters from {@code o} on in scalar code. */
  private static void scalarGroup(CodeBlock.Builder b, Tile t) {
    b.beginControlFlow("for (; o < $L; o++)", t.filters());
    for (int p = 0; p < t.pixels(); p++) {
      b.addStatement("float s$L = $L", p, t.bias() != null ? "w[" + t.bias() + " + o]" : "0f");
    }
    openTaps(b, t);
    b.addStatement("float wv = w[wr + j * $L]", t.filters());
    for (int p = 0; p < t.pixels(); p++) {
      b.addStatement("s$L += x[xr + $Lj] * wv", p, p == 0 ? "" : p * t.pixelStep() + " + ");
    }
    closeTaps(b, t);
    for (int p = 0; p < t.pixels(); p++) {
      b.addStatement(
          "a[yi + $Lo] = $L", p == 0 ? "" : p * t.filters() + " + ", scalarAct(t.act(), "s" + p));
    }
    b.endControlFlow();
  }

  /** Loops over kernel rows, columns (when dilated) and one contiguous segment. */
  private static void openTaps(CodeBlock.Builder b, Tile t) {
    openTaps(b, t, "xi");
  }

  private static void openTaps(CodeBlock.Builder b, Tile t, String x0) {
    StringBuilder xr = new StringBuilder(x0);
    StringBuilder wr = new StringBuilder(t.kernel() + " + o");
    int block = t.seg() * t.filters();
    if (t.rows() > 1) {
      b.beginControlFlow("for (int kh = 0; kh < $L; kh++)", t.rows());
      xr.append(" + kh * ").append(t.rowStep());
      wr.append(" + kh * ").append(block * t.cols());
    }
    if (t.cols() > 1) {
      b.beginControlFlow("for (int kw = 0; kw < $L; kw++)", t.cols());
      xr.append(" + kw * ").append(t.colStep());
      wr.append(" + kw * ").append(block);
    }
    b.addStatement("int xr = $L", xr);
    b.addStatement("int wr = $L", wr);
    b.beginControlFlow("for (int j = 0; j < $L; j++)", t.seg());
  }

  private static void closeTaps(CodeBlock.Builder b, Tile t) {
    b.endControlFlow();
    if (t.cols() > 1) {
      b.endControlFlow();
    }
    if (t.rows() > 1) {
      b.endControlFlow();
    }
  }
}
