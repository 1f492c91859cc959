package dev.jconv.processor.model;

import dev.jconv.Padding;

/**
 * A sliding window: kernel (or pool) size, strides, dilation rate and padding. Inference,
 * validation and every emitter take their geometry from here, so SAME padding is computed in one
 * place ({@link Windows#samePaddingTotal}).
 */
public record Window(IntPair kernel, IntPair strides, IntPair dilation, Padding padding) {
  private static final IntPair ONE = IntPair.square(1);

  /** A pooling window: no dilation. */
  public static Window pool(IntPair size, IntPair strides, Padding padding) {
    return new Window(size, strides, ONE, padding);
  }

  /** Whether some stride is above 1. */
  public boolean strided() {
    return strides.h() > 1 || strides.w() > 1;
  }

  /** Whether some dilation rate is above 1. */
  public boolean dilated() {
    return dilation.h() > 1 || dilation.w() > 1;
  }

  /** The height of the dilated kernel, saturated at {@code Integer.MAX_VALUE}. */
  public int extentH() {
    return Windows.effective(kernel.h(), dilation.h());
  }

  /** The width of the dilated kernel, saturated at {@code Integer.MAX_VALUE}. */
  public int extentW() {
    return Windows.effective(kernel.w(), dilation.w());
  }

  /** The output height over an input of height {@code in}; 0 when the window does not fit. */
  public int outputH(int in) {
    return Windows.outputLength(in, extentH(), strides.h(), padding);
  }

  /** The output width over an input of width {@code in}; 0 when the window does not fit. */
  public int outputW(int in) {
    return Windows.outputLength(in, extentW(), strides.w(), padding);
  }

  /** Rows of zero padding above an input of height {@code in}: SAME puts the odd one below. */
  public int padTop(int in) {
    return padding == Padding.VALID ? 0 : Windows.samePaddingTotal(in, extentH(), strides.h()) / 2;
  }

  /** Columns of zero padding left of an input of width {@code in}. */
  public int padLeft(int in) {
    return padding == Padding.VALID ? 0 : Windows.samePaddingTotal(in, extentW(), strides.w()) / 2;
  }

  /** The padded geometry of an image input {@code in}. */
  public Padded padded(Shape in) {
    int totalH =
        padding == Padding.VALID ? 0 : Windows.samePaddingTotal(in.h(), extentH(), strides.h());
    int totalW =
        padding == Padding.VALID ? 0 : Windows.samePaddingTotal(in.w(), extentW(), strides.w());
    return new Padded(
        totalH / 2, totalW / 2, in.h() + totalH, in.w() + totalW, in.c(), in.h(), in.w());
  }

  /**
   * An input as a windowed kernel reads it: for SAME padding a zero-padded copy ({@code top} rows
   * and {@code left} columns before the data, the odd one after, as TensorFlow places it), so the
   * inner loops test no borders; for VALID the input itself.
   *
   * @param h padded height
   * @param w padded width
   * @param c channels
   * @param inH the unpadded height
   * @param inW the unpadded width
   */
  public record Padded(int top, int left, int h, int w, int c, int inH, int inW) {
    /** Whether a padded copy is needed (some SAME padding is not zero). */
    public boolean copies() {
      return h != inH || w != inW;
    }

    /** Floats of the padded copy. */
    public int size() {
      return h * w * c;
    }
  }
}
