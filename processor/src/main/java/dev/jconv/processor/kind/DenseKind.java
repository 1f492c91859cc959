package dev.jconv.processor.kind;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.emit.Acts;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Loops;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.infer.LayerInference;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamKind;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Keras's {@code Dense}: {@code y = x W + b}; SIMD through the runtime's cache-blocked {@code
 * MatMul}, over a block of examples in training and batched inference.
 */
final class DenseKind extends LayerKind<LayerSpec.Dense> {
  private static final ClassName MATMUL = ClassName.get("dev.jconv.kernels", "MatMul");
  private static final ClassName ROWS = MATMUL.nestedClass("Rows");

  DenseKind(LayerSpec.Dense spec) {
    super(spec);
  }

  static LayerSpec.Dense read(LayerAttributes a) {
    return new LayerSpec.Dense(
        a.name(), a.from(), a.source(), a.getInt("units"), a.activation(), a.getBoolean("useBias"));
  }

  @Override
  public void checkAttributes(AttributeCheck check) {
    check.positive("units", spec.units());
  }

  @Override
  public Inferred infer(List<Shape> inputs, List<String> inputNames) {
    Shape x = inputs.get(0);
    if (x.rank() != 1) {
      String from = LayerInference.describe(inputNames.get(0));
      return LayerInference.fail(
          spec, "from", Diag.DENSE_NEEDS_FLAT, spec.name(), x, from, spec.name());
    }
    List<ParamSpec> params = new ArrayList<>();
    params.add(ParamSpec.trainable(ParamKind.KERNEL, x.dim(0), spec.units()));
    if (spec.useBias()) {
      params.add(ParamSpec.trainable(ParamKind.BIAS, spec.units()));
    }
    return new Inferred.Ok(Shape.of(spec.units()), params);
  }

  @Override
  public void scratch(Node node, Layout.Scratch scratch) {
    Acts.preBuffer(node, scratch);
  }

  /** The input index outside so the inner loop runs along contiguous outputs. */
  @Override
  public CodeBlock scalarForward(Site site) {
    int in = site.in().size();
    int units = spec.units();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.initBias(site, spec.useBias(), "yo", units));
    b.beginControlFlow("for (int i = 0; i < $L; i++)", in);
    b.addStatement("float xv = x[xo + i]");
    b.addStatement("int wi = $L + i * $L", site.param(ParamKind.KERNEL), units);
    b.beginControlFlow("for (int o = 0; o < $L; o++)", units);
    b.addStatement("a[yo + o] += xv * w[wi + o]");
    b.endControlFlow().endControlFlow();
    return b.add(Acts.fused(site)).build();
  }

  @Override
  public CodeBlock scalarBackward(Site site) {
    int in = site.in().size();
    int units = spec.units();
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(Loops.biasGradient(site, spec.useBias(), units, "dyo"));
    b.beginControlFlow("for (int i = 0; i < $L; i++)", in);
    b.addStatement("float xv = x[xo + i]");
    b.addStatement("int wi = $L + i * $L", site.param(ParamKind.KERNEL), units);
    // ReLU leaves many inputs at zero: their kernel rows get no gradient.
    b.beginControlFlow("if (g != null && xv != 0f)")
        .addStatement("$T.axpy(xv, d, dyo, g, wi, $L)", Conv2DKind.BLAS, units)
        .endControlFlow();
    b.beginControlFlow("if (dx != null)")
        .addStatement("dx[dxo + i] += $T.dot(w, wi, d, dyo, $L)", Conv2DKind.BLAS, units)
        .endControlFlow();
    b.endControlFlow();
    return b.build();
  }

  /**
   * The block's {@code Y = X W + b} as one cache-blocked product ({@code MatMul}), each weight read
   * once per block of examples, then the fused activation per example.
   */
  @Override
  public CodeBlock simdForwardRows(Site site) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(product(site, "rows", "x, xo", "a, a0 + " + site.outOffset()));
    CodeBlock act = Acts.fused(site);
    if (!act.isEmpty()) {
      b.beginControlFlow("for (int r = 0; r < rows; r++)")
          .addStatement("int ao = a0 + r * WORKSPACE")
          .addStatement("int yo = ao + $L", site.outOffset())
          .add(act)
          .endControlFlow();
    }
    return b.build();
  }

  /**
   * The fused activation's gradient per example, then {@code dW += X^T dY}, {@code db} and {@code
   * dX += dY W^T} over the whole block ({@code MatMul}).
   */
  @Override
  public CodeBlock simdBackwardRows(Site site) {
    String rows = rowsConstant(site);
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock grad = site.lossFused() ? CodeBlock.of("") : Acts.gradient(site);
    if (!grad.isEmpty()) {
      b.beginControlFlow("for (int r = 0; r < rows; r++)")
          .addStatement("int ao = a0 + r * WORKSPACE")
          .addStatement("int yo = ao + $L", site.outOffset())
          .addStatement("int dyo = d0 + r * WORKSPACE + $L", site.outOffset())
          .add(grad)
          .endControlFlow();
    }
    b.addStatement("$T.Dims dims = $N.rows(rows)", MATMUL, rows);
    b.beginControlFlow("if (g != null)")
        .addStatement(
            "$T.backwardWeights(dims, x, xo, d, d0 + $L, g, $L)",
            MATMUL,
            site.outOffset(),
            site.param(ParamKind.KERNEL));
    if (spec.useBias()) {
      b.addStatement(
          "$T.biasGrad(dims, d, d0 + $L, g, $L)",
          MATMUL,
          site.outOffset(),
          site.param(ParamKind.BIAS));
    }
    return b.endControlFlow()
        .beginControlFlow("if (dx != null)")
        .addStatement(
            "$T.backwardInput(dims, d, d0 + $L, w, $L, dx, dxo)",
            MATMUL,
            site.outOffset(),
            site.param(ParamKind.KERNEL))
        .endControlFlow()
        .build();
  }

  /** Declares {@code FC1_ROWS}, the layer's product dimensions for any block of examples. */
  private String rowsConstant(Site site) {
    String name = site.constant("ROWS");
    site.fields()
        .add(
            FieldSpec.builder(ROWS, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                    "new $T($L, $L, $L, WORKSPACE)",
                    ROWS,
                    site.in().size(),
                    spec.units(),
                    site.inputStride())
                .build());
    return name;
  }

  /**
   * The block product of {@link #simdForwardRows} on one row: the same arithmetic in the same
   * order, so that one-by-one inference equals batched inference bit for bit.
   */
  @Override
  public CodeBlock simdForward(Site site) {
    return CodeBlock.builder()
        .add(product(site, "1", "x, xo", "a, yo"))
        .add(Acts.fused(site))
        .build();
  }

  private CodeBlock product(Site site, String rows, String x, String y) {
    return CodeBlock.of(
        "$T.forward($N.rows($L), $L, w, $L, $L, $L);\n",
        MATMUL,
        rowsConstant(site),
        rows,
        x,
        site.param(ParamKind.KERNEL),
        spec.useBias() ? CodeBlock.of("w, $L", site.param(ParamKind.BIAS)) : "null, 0",
        y);
  }
}
