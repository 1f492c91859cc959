package dev.jconv.processor.codegen;

import dev.jconv.Padding;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.Windows;

/**
 * The geometry of a convolution's input as its SIMD kernel reads it: for SAME padding a zero-padded
 * copy ({@code top} rows and {@code left} columns before the data, the odd one after, as TensorFlow
 * places it), so the inner loops test no borders; for VALID the input itself.
 *
 * @param h padded height
 * @param w padded width
 */
record Padded(
    int top,
    int left,
    int h,
    int w,
    int c,
    Shape3 in,
    IntPair kernel,
    IntPair strides,
    IntPair dilation) {

  /** The windowed input of a Conv2D, DepthwiseConv2D or SeparableConv2D; null for other layers. */
  static Padded of(Node node) {
    LayerSpec spec = node.spec();
    IntPair k;
    IntPair s;
    IntPair d;
    Padding padding;
    if (spec instanceof LayerSpec.Conv2D c) {
      k = c.kernelSize();
      s = c.strides();
      d = c.dilationRate();
      padding = c.padding();
    } else if (spec instanceof LayerSpec.DepthwiseConv2D c) {
      k = c.kernelSize();
      s = c.strides();
      d = c.dilationRate();
      padding = c.padding();
    } else if (spec instanceof LayerSpec.SeparableConv2D c) {
      k = c.kernelSize();
      s = c.strides();
      d = c.dilationRate();
      padding = c.padding();
    } else {
      return null;
    }
    Shape3 in = Shape3.of(node.inputShapes().get(0));
    int totalH = 0;
    int totalW = 0;
    if (padding == Padding.SAME) {
      totalH = Windows.samePaddingTotal(in.h(), Windows.effective(k.h(), d.h()), s.h());
      totalW = Windows.samePaddingTotal(in.w(), Windows.effective(k.w(), d.w()), s.w());
    }
    return new Padded(
        totalH / 2, totalW / 2, in.h() + totalH, in.w() + totalW, in.c(), in, k, s, d);
  }

  /** Whether the kernel needs a padded copy (some SAME padding is not zero). */
  boolean copies() {
    return h != in.h() || w != in.w();
  }

  /** Floats of the padded copy. */
  int size() {
    return h * w * c;
  }
}
