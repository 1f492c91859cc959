package dev.jconv.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.jconv.Activation.Fn;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.Buffer;
import dev.jconv.processor.emit.ConvTiles;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Offset;
import dev.jconv.processor.emit.Shape3;
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
import javax.lang.model.element.Modifier;

/**
 * Keras's {@code SeparableConv2D}: a depthwise convolution into the {@link Buffer#MID} buffer, then
 * a pointwise (1x1) convolution with bias.
 */
final class SeparableConv2DKind extends LayerKind<LayerSpec.SeparableConv2D> {
  private static final ClassName MATMUL = ClassName.get("dev.jconv.kernels", "MatMul");
  private static final ClassName DIMS = MATMUL.nestedClass("Dims");

  SeparableConv2DKind(LayerSpec.SeparableConv2D spec) {
    super(spec);
  }

  static LayerSpec.SeparableConv2D read(LayerAttributes a) {
    return new LayerSpec.SeparableConv2D(
        a.name(),
        a.from(),
        a.source(),
        a.getInt("filters"),
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
    check.positive("filters", spec.filters());
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
    int mid = x.c() * spec.depthMultiplier();
    IntPair k = spec.kernelSize();
    List<ParamSpec> params = new ArrayList<>();
    params.add(
        ParamSpec.trainable(
            ParamKind.DEPTHWISE_KERNEL, k.h(), k.w(), x.c(), spec.depthMultiplier()));
    params.add(ParamSpec.trainable(ParamKind.POINTWISE_KERNEL, 1, 1, mid, spec.filters()));
    if (spec.useBias()) {
      params.add(ParamSpec.trainable(ParamKind.BIAS, spec.filters()));
    }
    return new Inferred.Ok(Shape.of(ok.output().h(), ok.output().w(), spec.filters()), params);
  }

  @Override
  public void scratch(Node node, Layout.Scratch scratch) {
    Shape3 o = Shape3.of(node.output());
    int mid = node.inputShapes().get(0).c() * spec.depthMultiplier();
    scratch.buffer(Buffer.MID, o.pixels() * mid);
    Acts.preBuffer(node, scratch);
    Loops.paddedBuffer(spec.window(), node.inputShapes().get(0), scratch);
  }

  @Override
  public CodeBlock scalarForward(Site site) {
    Shape3 out = site.out();
    int mid = site.in().c() * spec.depthMultiplier();
    Offset pointwise = site.param(ParamKind.POINTWISE_KERNEL);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int mo = ao + $L", site.scratch(Buffer.MID));
    b.add(Depthwise.scalarForward(site, spec.window(), spec.depthMultiplier(), false, "a", "mo"));
    b.beginControlFlow("for (int p = 0; p < $L; p++)", out.pixels());
    b.addStatement("int yi = yo + p * $L", out.c());
    b.add(Loops.initBias(site, spec.useBias(), "yi", out.c()));
    b.beginControlFlow("for (int c = 0; c < $L; c++)", mid);
    b.addStatement("float xv = a[mo + p * $L + c]", mid);
    b.addStatement("int wc = $L + c * $L", pointwise, out.c());
    b.beginControlFlow("for (int o = 0; o < $L; o++)", out.c());
    b.addStatement("a[yi + o] += xv * w[wc + o]");
    b.endControlFlow().endControlFlow().endControlFlow();
    return b.add(Acts.fused(site)).build();
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    return CodeBlock.builder()
        .add(Loops.biasGradient(site, spec.useBias(), site.out().c(), "dyo"))
        .add(pointwiseBackward(site))
        .add(Depthwise.scalarBackward(site, spec.window(), spec.depthMultiplier(), "dmo"))
        .build();
  }

  /** Gradient of the pointwise kernel and of the depthwise output. */
  private CodeBlock pointwiseBackward(Site site) {
    Shape3 out = site.out();
    int mid = site.in().c() * spec.depthMultiplier();
    Offset pointwise = site.param(ParamKind.POINTWISE_KERNEL);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int mo = ao + $L", site.scratch(Buffer.MID));
    b.addStatement("int dmo = dOff + $L", site.scratch(Buffer.MID));
    b.beginControlFlow("for (int p = 0; p < $L; p++)", out.pixels());
    b.beginControlFlow("for (int c = 0; c < $L; c++)", mid);
    b.addStatement("int wc = $L + c * $L", pointwise, out.c());
    b.beginControlFlow("if (g != null)")
        .addStatement(
            "$T.axpy(a[mo + p * $L + c], d, dyo + p * $L, g, wc, $L)",
            Conv2DKind.BLAS,
            mid,
            out.c(),
            out.c())
        .endControlFlow();
    b.addStatement(
        "d[dmo + p * $L + c] = $T.dot(w, wc, d, dyo + p * $L, $L)",
        mid,
        Conv2DKind.BLAS,
        out.c(),
        out.c());
    b.endControlFlow().endControlFlow();
    return b.build();
  }

  /**
   * The pointwise part as cache-blocked products over the layer's pixels ({@code MatMul}: kernel
   * and bias gradients skipped when {@code g} is null, then the depthwise output's gradient), the
   * depthwise part as in the scalar backward.
   */
  @Override
  public CodeBlock simdBackward(Site site) {
    Shape3 out = site.out();
    int mid = site.in().c() * spec.depthMultiplier();
    String dims = site.constant("POINTWISE_DIMS");
    site.fields()
        .add(
            FieldSpec.builder(DIMS, dims, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                    "new $T($L, $L, $L, $L, $L)", DIMS, out.pixels(), mid, out.c(), mid, out.c())
                .build());
    Offset pointwise = site.param(ParamKind.POINTWISE_KERNEL);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int mo = ao + $L", site.scratch(Buffer.MID));
    b.addStatement("int dmo = dOff + $L", site.scratch(Buffer.MID));
    b.beginControlFlow("if (g != null)");
    if (spec.useBias()) {
      b.addStatement("$T.biasGrad($N, d, dyo, g, $L)", MATMUL, dims, site.param(ParamKind.BIAS));
    }
    b.addStatement("$T.backwardWeights($N, a, mo, d, dyo, g, $L)", MATMUL, dims, pointwise);
    b.endControlFlow();
    b.addStatement("$T.fill(d, dmo, dmo + $L, 0f)", java.util.Arrays.class, out.pixels() * mid);
    b.addStatement("$T.backwardInput($N, d, dyo, w, $L, d, dmo)", MATMUL, dims, pointwise);
    return b.add(Depthwise.scalarBackward(site, spec.window(), spec.depthMultiplier(), "dmo"))
        .build();
  }

  /** Depthwise into the scratch buffer, then the pointwise 1x1 convolution as conv tiles. */
  @Override
  public CodeBlock simdForward(Site site) {
    if (spec.depthMultiplier() != 1) {
      return null;
    }
    Shape3 out = site.out();
    int mid = site.in().c();
    int pixels = out.pixels();
    Fn fn = spec.activation();
    ConvTiles.Tile tile =
        new ConvTiles.Tile(
            ConvTiles.pixelsPerTile(out.c(), pixels),
            out.c(),
            1,
            1,
            mid,
            mid,
            0,
            0,
            site.param(ParamKind.POINTWISE_KERNEL),
            spec.useBias() ? site.param(ParamKind.BIAS) : null,
            Acts.fusable(fn) ? fn : Fn.LINEAR);
    site.fields().add(ConvTiles.wideField());
    return CodeBlock.builder()
        .addStatement("int mo = ao + $L", site.scratch(Buffer.MID))
        .add(Depthwise.simdForward(site, spec.window(), "a", "mo", false, Fn.LINEAR))
        .addStatement("int xr = mo")
        .addStatement("int yr = yo")
        .add(ConvTiles.row(site.name(), tile, pixels, "a", site.helpers()))
        .add(Acts.afterwards(site))
        .build();
  }
}
