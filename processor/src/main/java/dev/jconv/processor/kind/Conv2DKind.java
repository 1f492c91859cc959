package dev.jconv.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.jconv.Activation.Fn;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.ConvTiles;
import dev.jconv.processor.emit.Ix;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Loops;
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
import dev.jconv.processor.model.Window;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Keras's {@code Conv2D}: a direct convolution, SIMD as tiles of output pixels by filters. */
final class Conv2DKind extends LayerKind<LayerSpec.Conv2D> {
  static final ClassName BLAS = ClassName.get("dev.jconv.kernels", "Blas");
  static final ClassName CONV_BACKWARD = ClassName.get("dev.jconv.kernels", "ConvBackward");
  static final ClassName CONV_SHAPE = ClassName.get("dev.jconv.kernels", "ConvShape");

  /** The auxiliary buffer of the transposed kernel that the SIMD input gradient reads. */
  static final String KERNEL_T = "KERNEL_T";

  Conv2DKind(LayerSpec.Conv2D spec) {
    super(spec);
  }

  static LayerSpec.Conv2D read(LayerAttributes a) {
    return new LayerSpec.Conv2D(
        a.name(),
        a.from(),
        a.source(),
        a.getInt("filters"),
        a.pair("kernelSize"),
        a.pair("strides"),
        a.padding(),
        a.pair("dilationRate"),
        a.activation(),
        a.getBoolean("useBias"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    check.positive("filters", spec.filters());
    check.window(spec.window());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    Inferred window = LayerInference.slideImage(spec, x, inputNames.get(0), spec.window());
    if (!(window instanceof Inferred.Ok ok)) {
      return window;
    }
    IntPair k = spec.kernelSize();
    List<ParamSpec> params = new ArrayList<>();
    params.add(ParamSpec.trainable(ParamKind.KERNEL, k.h(), k.w(), x.c(), spec.filters()));
    if (spec.useBias()) {
      params.add(ParamSpec.trainable(ParamKind.BIAS, spec.filters()));
    }
    return new Inferred.Ok(Shape.of(ok.output().h(), ok.output().w(), spec.filters()), params);
  }

  @Override
  public void scratch(Node node, Layout.Scratch scratch) {
    Acts.preBuffer(node, scratch);
    Loops.paddedBuffer(spec.window(), node.inputShapes().get(0), scratch);
    scratch.aux(KERNEL_T, Math.toIntExact(node.params().get(0).size()));
  }

  /** Direct convolution; padding cells are skipped by bounds tests on each tap. */
  @Override
  public CodeBlock scalarForward(Site site) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int f = out.c();
    CodeBlock.Builder b = CodeBlock.builder();
    Ix[] pixel = Loops.outputPixels(b, out, "yo", f);
    b.add(Loops.initBias(site, spec.useBias(), "yi", f));
    Loops.Taps t = Loops.taps(b, spec.window(), in, pixel);
    b.addStatement("int xi = $L", Ix.of("xo").plus(pixel(t, in)));
    b.addStatement("int wi = $L", kernelTap(site, t, in.c() * f));
    Ix c = Loops.range(b, "c", in.c());
    b.addStatement("float xv = x[$L]", Ix.of("xi").plus(c));
    b.addStatement("int wc = $L", Ix.of("wi").plus(c.times(f)));
    Ix o = Loops.range(b, "o", f);
    b.addStatement("a[$L] += xv * w[$L]", Ix.of("yi").plus(o), Ix.of("wc").plus(o));
    Loops.close(b, c, o);
    t.close(b);
    Loops.close(b, pixel);
    return CodeBlock.builder().add(Loops.scoped(b.build(), pixel)).add(Acts.fused(site)).build();
  }

  /** The input pixel a tap reads: {@code ih * w * c + iw * c}. */
  static Ix pixel(Loops.Taps t, Shape3 in) {
    return t.ih().times(in.w() * in.c()).plus(t.iw().times(in.c()));
  }

  /** The kernel row of a tap, {@code block} floats per tap, from the kernel's offset. */
  private Ix kernelTap(Site site, Loops.Taps t, int block) {
    return Ix.of(site.param(ParamKind.KERNEL))
        .plus(t.kh().times(spec.kernelSize().w() * block))
        .plus(t.kw().times(block));
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    int f = out.c();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.biasGradient(site, spec.useBias(), f, "dyo"));
    Ix[] pixel = Loops.outputPixels(b, out, "dyo", f);
    Loops.Taps t = Loops.taps(b, spec.window(), in, pixel);
    b.addStatement("int xp = $L", pixel(t, in));
    b.addStatement("int wi = $L", kernelTap(site, t, in.c() * f));
    Ix c = Loops.range(b, "c", in.c());
    Ix xc = Ix.of("xp").plus(c);
    b.addStatement("int wc = $L", Ix.of("wi").plus(c.times(f)));
    b.beginControlFlow("if (g != null)")
        .addStatement("$T.axpy(x[$L], d, yi, g, wc, $L)", BLAS, Ix.of("xo").plus(xc), f)
        .endControlFlow();
    b.beginControlFlow("if (dx != null)")
        .addStatement("dx[$L] += $T.dot(w, wc, d, yi, $L)", Ix.of("dxo").plus(xc), BLAS, f)
        .endControlFlow();
    Loops.close(b, c);
    t.close(b);
    Loops.close(b, pixel);
    return Loops.scoped(b.build(), pixel);
  }

  /**
   * The runtime's {@code ConvBackward} on a {@code static final ConvShape}: weight gradient in
   * registers, input gradient from the kernel that {@link #prepareBackward} transposed.
   */
  @Override
  public CodeBlock simdBackward(Site site) {
    String shape = shapeConstant(site);
    CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if (g != null)");
    b.addStatement(
        "$T.weightGrad($N, x, xo, d, dyo, g, $L)",
        CONV_BACKWARD,
        shape,
        site.param(ParamKind.KERNEL));
    if (spec.useBias()) {
      b.addStatement(
          "$T.biasGrad($N, d, dyo, g, $L)", CONV_BACKWARD, shape, site.param(ParamKind.BIAS));
    }
    return b.endControlFlow()
        .beginControlFlow("if (dx != null)")
        .addStatement(
            "$T.inputGrad($N, t, $L, d, dyo, dx, dxo)", CONV_BACKWARD, shape, site.aux(KERNEL_T))
        .endControlFlow()
        .build();
  }

  /** Transposes the kernel for the SIMD input gradient, once per training step. */
  @Override
  public CodeBlock prepareBackward(Site site) {
    return CodeBlock.of(
        "$T.transposeKernel($N, w, $L, t, $L);\n",
        CONV_BACKWARD,
        shapeConstant(site),
        site.param(ParamKind.KERNEL),
        site.aux(KERNEL_T));
  }

  /**
   * Declares {@code CONV1_SHAPE}, the layer's geometry for the backward kernels, in {@code site}.
   */
  private String shapeConstant(Site site) {
    Shape3 in = site.in();
    Shape3 out = site.out();
    Window window = spec.window();
    String name = site.constant("SHAPE");
    site.fields()
        .add(
            FieldSpec.builder(CONV_SHAPE, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                    "new $T($L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L, $L)",
                    CONV_SHAPE,
                    in.h(),
                    in.w(),
                    in.c(),
                    out.h(),
                    out.w(),
                    out.c(),
                    spec.kernelSize().h(),
                    spec.kernelSize().w(),
                    spec.strides().h(),
                    spec.strides().w(),
                    spec.dilationRate().h(),
                    spec.dilationRate().w(),
                    window.padTop(in.h()),
                    window.padLeft(in.w()))
                .build());
    return name;
  }

  @Override
  public CodeBlock simdForward(Site site) {
    Window.Padded pd = spec.window().padded(site.node().inputShapes().get(0));
    Shape3 out = site.out();
    CodeBlock.Builder b = CodeBlock.builder();
    Loops.Input input = Loops.paddedInput(b, site, pd);
    IntPair k = spec.kernelSize();
    IntPair d = spec.dilationRate();
    IntPair s = spec.strides();
    int cin = pd.c();
    boolean flat = k.h() == 1 && k.w() == 1 && s.h() == 1 && s.w() == 1 && !pd.copies();
    int width = flat ? out.pixels() : out.w();
    Fn fn = spec.activation();
    ConvTiles.Tile tile =
        new ConvTiles.Tile(
            ConvTiles.pixelsPerTile(out.c(), width),
            out.c(),
            k.h(),
            d.w() == 1 ? 1 : k.w(),
            d.w() == 1 ? k.w() * cin : cin,
            s.w() * cin,
            d.h() * pd.w() * cin,
            d.w() * cin,
            site.param(ParamKind.KERNEL),
            spec.useBias() ? site.param(ParamKind.BIAS) : null,
            Acts.fusable(fn) ? fn : Fn.LINEAR);
    CodeBlock row = ConvTiles.row(site.name(), tile, width, input.array(), site.helpers());
    site.fields().add(ConvTiles.wideField());
    if (flat) {
      b.addStatement("int xr = $L", input.offset());
      b.addStatement("int yr = yo");
      b.add(row);
    } else {
      b.beginControlFlow("for (int oh = 0; oh < $L; oh++)", out.h());
      b.addStatement("int xr = $L + oh * $L", input.offset(), s.h() * pd.w() * cin);
      b.addStatement("int yr = yo + oh * $L", out.w() * out.c());
      b.add(row);
      b.endControlFlow();
    }
    return b.add(Acts.afterwards(site)).build();
  }
}
