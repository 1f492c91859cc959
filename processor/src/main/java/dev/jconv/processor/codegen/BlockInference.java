package dev.jconv.processor.codegen;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.model.Graph;
import javax.lang.model.element.Modifier;

/**
 * Batched inference of a model with block layers (Dense): {@code predictBlock} runs the {@code
 * Simd} class's {@code forwardRows} over blocks of examples in a per-thread block workspace, so
 * that {@code predict(x, n, out)} and {@code predict(Dataset)} read each Dense weight once per
 * block instead of once per example.
 */
final class BlockInference {
  /** Floats of block workspace per thread at most (16 MB): deep, wide networks get small blocks. */
  static final int BUDGET = 4 << 20;

  /** Examples per block at most: beyond it a Dense weight panel gains little more reuse. */
  static final int MAX_BLOCK = 32;

  private BlockInference() {}

  /** Examples per block for {@code layout}'s workspace; 1 means no batching. */
  static int block(Layout layout) {
    return Math.max(1, Math.min(MAX_BLOCK, BUDGET / Math.max(1, layout.workspaceSize())));
  }

  /** Adds {@code predictBlock} to a SIMD model whose network has a block layer. */
  static void addTo(TypeSpec.Builder model, Graph graph, Layout layout) {
    int block = block(layout);
    if (block < 2 || KernelsWriter.firstRows(graph, new LayerMethods(graph, layout)) < 0) {
      return;
    }
    long in = graph.network().input().size();
    long out = graph.output().output().size();
    model.addField(
        FieldSpec.builder(int.class, "BLOCK", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Examples per block of batched inference.\n")
            .initializer("$L", block)
            .build());
    model.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(ThreadLocal.class, float[].class),
                "blockWorkspaces",
                Modifier.PRIVATE,
                Modifier.FINAL)
            .addJavadoc(
                "One block workspace per thread, made on its first batched inference: {@code"
                    + " BLOCK} examples' workspaces and one for the layers before the block layers.\n")
            .initializer(
                "$T.withInitial(() -> new float[(BLOCK + 1) * WORKSPACE])", ThreadLocal.class)
            .build());
    model.addMethod(
        MethodSpec.methodBuilder("predictBlock")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(float[].class, "x")
            .addParameter(int.class, "xo")
            .addParameter(int.class, "n")
            .addParameter(float[].class, "y")
            .addParameter(int.class, "yo")
            .beginControlFlow("if (!SIMD)")
            .addStatement("CompiledModel.super.predictBlock(x, xo, n, y, yo)")
            .addStatement("return")
            .endControlFlow()
            .addStatement("float[] a = blockWorkspaces.get()")
            .beginControlFlow("for (int b = 0; b < n; b += BLOCK)")
            .addStatement("int rows = Math.min(BLOCK, n - b)")
            .addStatement(
                "Simd.forwardRows(weights, x, xo + b * $L, a, rows, BLOCK * WORKSPACE)", in)
            .beginControlFlow("for (int r = 0; r < rows; r++)")
            .addStatement(
                "$T.arraycopy(a, r * WORKSPACE + OUTPUT_OFFSET, y, yo + (b + r) * $L, $L)",
                System.class,
                out,
                out)
            .endControlFlow()
            .endControlFlow()
            .build());
  }
}
