package dev.jconv.kernels;

/**
 * Batched matrix products of Dense layers and 1x1 convolutions, for a block of rows at once so that
 * each weight is read once per block of examples (or pixels) instead of once per row: {@code Y = X
 * W + b}, {@code dX += dY W^T}, {@code dW += X^T dY} and {@code db += sum dY}. W is Keras's kernel,
 * {@code [in, out]} row-major; rows of X and Y are {@code ldx} and {@code ldy} floats apart, so a
 * row can be an example's slice of a training workspace. Dispatched once to SIMD ({@link
 * VectorMatMul}) or scalar code ({@link ScalarMatMul}) by {@link VectorSupport}.
 */
public final class MatMul {
  private static final boolean SIMD = VectorSupport.enabled();

  /**
   * The sizes of one product.
   *
   * @param n rows (examples or pixels)
   * @param in inputs per row (rows of W)
   * @param out outputs per row (columns of W)
   * @param ldx floats between consecutive rows of X (and dX)
   * @param ldy floats between consecutive rows of Y (and dY)
   */
  public record Dims(int n, int in, int out, int ldx, int ldy) {
    /** Checks that the sizes are positive and rows do not overlap. */
    public Dims {
      if (n < 0 || in < 1 || out < 1 || ldx < in || ldy < out) {
        throw new IllegalArgumentException(
            "matrix product needs n >= 0, in, out >= 1, ldx >= in, ldy >= out; got n="
                + n
                + ", in="
                + in
                + ", out="
                + out
                + ", ldx="
                + ldx
                + ", ldy="
                + ldy);
      }
    }

    /** Contiguous rows. */
    public static Dims dense(int n, int in, int out) {
      return new Dims(n, in, out, in, out);
    }

    /** Multiply-adds of one product. */
    public long flops() {
      return 2L * n * in * out;
    }
  }

  /**
   * The {@link Dims} of one layer's product for any number of rows, made once per row count and
   * then reused, so that generated code calling {@code rows(n)} on every training step allocates
   * nothing once warm. Safe to share between threads: a lost race only makes a second equal {@code
   * Dims}.
   */
  public static final class Rows {
    private final int in;
    private final int out;
    private final int ldx;
    private final int ldy;
    private Dims[] byRows = new Dims[0];

    /** Products of {@code in} to {@code out} columns, rows {@code ldx} and {@code ldy} apart. */
    public Rows(int in, int out, int ldx, int ldy) {
      new Dims(0, in, out, ldx, ldy); // checks the sizes
      this.in = in;
      this.out = out;
      this.ldx = ldx;
      this.ldy = ldy;
    }

    /** The dimensions of a product over {@code n} rows. */
    public Dims rows(int n) {
      Dims[] cache = byRows;
      if (n < cache.length && cache[n] != null) {
        return cache[n];
      }
      Dims d = new Dims(n, in, out, ldx, ldy);
      if (n < 4096) {
        Dims[] grown = java.util.Arrays.copyOf(cache, Math.max(cache.length, n + 1));
        grown[n] = d;
        byRows = grown;
      }
      return d;
    }
  }

  private MatMul() {}

  /** {@code Y = X W + b}; {@code b} may be null (no bias). */
  public static void forward(
      Dims d, float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo) {
    if (SIMD) {
      VectorMatMul.forward(d, x, xo, w, wo, b, bo, y, yo);
    } else {
      ScalarMatMul.forwardColumns(d, x, xo, w, wo, b, bo, y, yo, 0);
    }
  }

  /** {@code dX += dY W^T}. */
  public static void backwardInput(
      Dims d, float[] dy, int dyo, float[] w, int wo, float[] dx, int dxo) {
    if (SIMD) {
      VectorMatMul.backwardInput(d, dy, dyo, w, wo, dx, dxo);
    } else {
      ScalarMatMul.backwardInput(d, dy, dyo, w, wo, dx, dxo);
    }
  }

  /** {@code dW += X^T dY}. */
  public static void backwardWeights(
      Dims d, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo) {
    if (SIMD) {
      VectorMatMul.backwardWeights(d, x, xo, dy, dyo, dw, dwo);
    } else {
      ScalarMatMul.weightColumns(d, x, xo, dy, dyo, dw, dwo, 0);
    }
  }

  /**
   * Rows {@code [k0, k1)} of {@code dW = X^T dY} over all {@code d.n()} examples, overwriting them
   * (the rows before {@code k0} and from {@code k1} on are not touched). Each element sums the
   * examples in order, so rows split over threads give the same bits as one call: the training pass
   * computes a Dense layer's kernel gradient this way once per batch, straight into the caller's
   * gradient array, instead of per chunk of examples followed by a reduction.
   */
  public static void weightRows(
      Dims d, int k0, int k1, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo) {
    if (k0 < 0 || k1 > d.in() || k0 > k1) {
      throw new IllegalArgumentException(
          "rows [" + k0 + ", " + k1 + ") outside [0, " + d.in() + ")");
    }
    if (SIMD) {
      VectorMatMul.weightRows(d, k0, k1, x, xo, dy, dyo, dw, dwo, false);
    } else {
      ScalarMatMul.weightColumns(d, k0, k1, x, xo, dy, dyo, dw, dwo, 0, false);
    }
  }

  /** {@code db = } the column sums of dY (overwritten). */
  public static void biasInto(Dims d, float[] dy, int dyo, float[] db, int dbo) {
    java.util.Arrays.fill(db, dbo, dbo + d.out(), 0f);
    biasGrad(d, dy, dyo, db, dbo);
  }

  /** {@code db += } the column sums of dY. */
  public static void biasGrad(Dims d, float[] dy, int dyo, float[] db, int dbo) {
    if (SIMD) {
      VectorMatMul.biasGrad(d.n(), d.out(), dy, dyo, d.ldy(), db, dbo);
    } else {
      ScalarMatMul.biasGrad(d.n(), d.out(), dy, dyo, d.ldy(), db, dbo);
    }
  }
}
