package dev.jconv.processor.infer;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jconv.Activation.Fn;
import dev.jconv.Padding;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import dev.jconv.processor.model.SourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers: layer specs built straight from the model records with Keras's defaults spelled
 * out, and {@link Kinds#infer} calls that expect success or failure.
 */
final class Specs {
  static final SourceRef SRC = SourceRef.NONE;
  static final IntPair ONE = IntPair.square(1);

  private Specs() {}

  static IntPair sq(int n) {
    return IntPair.square(n);
  }

  static Shape image(int h, int w, int c) {
    return Shape.of(h, w, c);
  }

  static Shape vector(int n) {
    return Shape.of(n);
  }

  /** Conv2D with stride 1, no dilation, bias, linear activation. */
  static LayerSpec.Conv2D conv2d(int filters, int kernel, Padding padding) {
    return conv2d(filters, sq(kernel), ONE, padding, ONE, true);
  }

  static LayerSpec.Conv2D conv2d(
      int filters,
      IntPair kernel,
      IntPair strides,
      Padding padding,
      IntPair dilation,
      boolean useBias) {
    return new LayerSpec.Conv2D(
        "conv", List.of(), SRC, filters, kernel, strides, padding, dilation, Fn.LINEAR, useBias);
  }

  static LayerSpec.DepthwiseConv2D depthwise(
      IntPair kernel,
      IntPair strides,
      Padding padding,
      int multiplier,
      IntPair dilation,
      boolean useBias) {
    return new LayerSpec.DepthwiseConv2D(
        "dw", List.of(), SRC, kernel, strides, padding, multiplier, dilation, Fn.LINEAR, useBias);
  }

  static LayerSpec.SeparableConv2D separable(
      int filters,
      IntPair kernel,
      IntPair strides,
      Padding padding,
      int multiplier,
      IntPair dilation,
      boolean useBias) {
    return new LayerSpec.SeparableConv2D(
        "sep",
        List.of(),
        SRC,
        filters,
        kernel,
        strides,
        padding,
        multiplier,
        dilation,
        Fn.LINEAR,
        useBias);
  }

  static LayerSpec.MaxPooling2D maxPool(IntPair pool, IntPair strides, Padding padding) {
    return new LayerSpec.MaxPooling2D("pool", List.of(), SRC, pool, strides, padding);
  }

  static LayerSpec.AveragePooling2D avgPool(IntPair pool, IntPair strides, Padding padding) {
    return new LayerSpec.AveragePooling2D("pool", List.of(), SRC, pool, strides, padding);
  }

  static LayerSpec.Dense dense(int units, boolean useBias) {
    return new LayerSpec.Dense("fc", List.of(), SRC, units, Fn.LINEAR, useBias);
  }

  static LayerSpec.BatchNormalization batchNorm(boolean center, boolean scale) {
    return new LayerSpec.BatchNormalization("bn", List.of(), SRC, 0.99, 0.001, center, scale);
  }

  static LayerSpec.Flatten flatten() {
    return new LayerSpec.Flatten("flat", List.of(), SRC);
  }

  static LayerSpec.ZeroPadding2D zeroPadding(int top, int bottom, int left, int right) {
    return new LayerSpec.ZeroPadding2D("pad", List.of(), SRC, top, bottom, left, right);
  }

  static LayerSpec.Add add(String... from) {
    return new LayerSpec.Add("add", List.of(from), SRC);
  }

  static LayerSpec.Concatenate concatenate(String... from) {
    return new LayerSpec.Concatenate("concat", List.of(from), SRC);
  }

  /** Infers a layer that must fit; a single input is called {@code prev}. */
  static Inferred.Ok ok(LayerSpec spec, Shape... inputs) {
    Inferred result = Kinds.infer(spec, List.of(inputs), names(spec, inputs.length));
    return assertInstanceOf(Inferred.Ok.class, result, () -> "expected a fit, got " + result);
  }

  /** Infers a layer that must not fit and returns its report. */
  static Report failed(LayerSpec spec, Shape... inputs) {
    return failedFrom(spec, names(spec, inputs.length), inputs);
  }

  /** As {@link #failed}, with the input layers' names given. */
  static Report failedFrom(LayerSpec spec, List<String> names, Shape... inputs) {
    Inferred result = Kinds.infer(spec, List.of(inputs), names);
    return assertInstanceOf(
            Inferred.Failed.class, result, () -> "expected a failure, got " + result)
        .report();
  }

  private static List<String> names(LayerSpec spec, int count) {
    if (!spec.from().isEmpty()) {
      return spec.from();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("prev");
    }
    return names;
  }
}
