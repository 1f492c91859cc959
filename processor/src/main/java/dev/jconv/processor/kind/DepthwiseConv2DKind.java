package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamKind;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;

/** Keras's {@code DepthwiseConv2D}; SIMD along the channels when the multiplier is 1. */
final class DepthwiseConv2DKind extends LayerKind<LayerSpec.DepthwiseConv2D> {
  DepthwiseConv2DKind(LayerSpec.DepthwiseConv2D spec) {
    super(spec);
  }

  static LayerSpec.DepthwiseConv2D read(LayerAttributes a) {
    return new LayerSpec.DepthwiseConv2D(
        a.name(),
        a.from(),
        a.source(),
        a.pair("kernelSize"),
        a.pair("strides"),
        a.padding(),
        a.getInt("depthMultiplier"),
        a.pair("dilationRate"),
        a.activation(),
        a.getBoolean("useBias"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    check.window(spec.window());
    check.positive("depthMultiplier", spec.depthMultiplier());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    Inferred window = LayerInference.slideImage(spec, x, inputNames.get(0), spec.window());
    if (!(window instanceof Inferred.Ok ok)) {
      return window;
    }
    int out = x.c() * spec.depthMultiplier();
    IntPair k = spec.kernelSize();
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        ParamSpec.trainable(
            ParamKind.DEPTHWISE_KERNEL, k.h(), k.w(), x.c(), spec.depthMultiplier()));
    if (spec.useBias()) {
      params.add(ParamSpec.trainable(ParamKind.BIAS, out));
    }
    return new Inferred.Ok(Shape.of(ok.output().h(), ok.output().w(), out), params);
  }

  @Override
  public void scratch(Node node, Layout.Scratch scratch) {
    Acts.preBuffer(node, scratch);
    Loops.paddedBuffer(spec.window(), node.inputShapes().get(0), scratch);
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    return CodeBlock.builder()
        .add(
            Depthwise.scalarForward(
                site, spec.window(), spec.depthMultiplier(), spec.useBias(), "a", "yo"))
        .add(Acts.fused(site))
        .build();
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    return CodeBlock.builder()
        .add(Loops.biasGradient(site, spec.useBias(), site.out().c(), "dyo"))
        .add(Depthwise.scalarBackward(site, spec.window(), spec.depthMultiplier(), "dyo"))
        .build();
  }

  /** Vectors along the channels; a depth multiplier above 1 runs the scalar twin. */
  @Override
  public CodeBlock simdBackward(Site site) {
    if (spec.depthMultiplier() != 1) {
      return null;
    }
    return Depthwise.simdBackward(site, spec.window(), spec.useBias());
  }

  /** Vectors along the channels; a depth multiplier above 1 runs the scalar twin. */
  @Override
  public CodeBlock simdForward(Site site) {
    if (spec.depthMultiplier() != 1) {
      return null;
    }
    return CodeBlock.builder()
        .add(
            Depthwise.simdForward(
                site, spec.window(), "a", "yo", spec.useBias(), spec.activation()))
        .add(Acts.afterwards(site))
        .build();
  }
}
