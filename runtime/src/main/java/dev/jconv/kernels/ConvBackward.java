package dev.jconv.kernels;

/**
 * Backward kernels of an NHWC convolution for one example: the input gradient from a transposed
 * kernel ({@code [kh, kw, cout, cin]}, made once per batch by {@link #transposeKernel}) so that it
 * runs along contiguous input channels like a forward pass, the weight gradient accumulated in
 * registers over all output pixels of a tap, and the bias gradient. All accumulate ({@code +=}).
 * Dispatched once to SIMD ({@link VectorConvBackward}) or scalar code ({@link ScalarConvBackward}).
 */
public final class ConvBackward {
  private static final boolean SIMD = VectorSupport.enabled();

  private ConvBackward() {}

  /** {@code wt[kh, kw, co, ci] = w[kh, kw, ci, co]}. */
  public static void transposeKernel(ConvShape s, float[] w, int wo, float[] wt, int wto) {
    int block = s.cin() * s.cout();
    for (int t = 0; t < s.kh() * s.kw(); t++) {
      for (int ci = 0; ci < s.cin(); ci++) {
        for (int co = 0; co < s.cout(); co++) {
          wt[wto + t * block + co * s.cin() + ci] = w[wo + t * block + ci * s.cout() + co];
        }
      }
    }
  }

  /** {@code dx += } the input gradient of {@code dy}, given the transposed kernel {@code wt}. */
  public static void inputGrad(
      ConvShape s, float[] wt, int wto, float[] dy, int dyo, float[] dx, int dxo) {
    if (SIMD) {
      VectorConvBackward.inputGrad(s, wt, wto, dy, dyo, dx, dxo);
    } else {
      ScalarConvBackward.inputGrad(s, wt, wto, dy, dyo, dx, dxo);
    }
  }

  /** {@code dw += } the kernel gradient of one example. */
  public static void weightGrad(
      ConvShape s, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo) {
    if (SIMD) {
      VectorConvBackward.weightGrad(s, x, xo, dy, dyo, dw, dwo);
    } else {
      ScalarConvBackward.weightGrad(s, x, xo, dy, dyo, dw, dwo, 0);
    }
  }

  /** {@code db += } the sum of {@code dy} over the output pixels. */
  public static void biasGrad(ConvShape s, float[] dy, int dyo, float[] db, int dbo) {
    // Straight to the kernels: a Dims per call would allocate on every training step.
    if (SIMD) {
      VectorMatMul.biasGrad(s.pixels(), s.cout(), dy, dyo, s.cout(), db, dbo);
    } else {
      ScalarMatMul.biasGrad(s.pixels(), s.cout(), dy, dyo, s.cout(), db, dbo);
    }
  }
}
