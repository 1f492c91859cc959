package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * What freezing changes in the training pass, decided from the layers' flags at the start of each
 * pass: a frozen layer's backward gets no gradient array ({@code g == null}: no weight gradients),
 * a frozen BatchNormalization trains in inference mode, and the backward stops above the lowest
 * layer that still has trainable parameters (below it no layer needs a gradient, so those backward
 * methods are not called at all, unless the caller wants the input gradient). Each layer's backward
 * counts its runs, so tests can see what was not executed.
 */
final class FreezeDispatch {
  private static final ClassName LAYER = ClassName.get("dev.jconv", "Layer");

  private final Graph graph;
  private final Map<String, Integer> index = new HashMap<>();

  FreezeDispatch(Graph graph) {
    this.graph = graph;
    for (int i = 0; i < graph.nodes().size(); i++) {
      index.put(graph.nodes().get(i).name(), i);
    }
  }

  /** The layer's position in declaration order. */
  int index(Node node) {
    return index.get(node.name());
  }

  /**
   * Adds the per-pass flags, {@code passFlags} and the public {@code backwardRuns} to the model.
   */
  void addTo(TypeSpec.Builder model) {
    int layers = graph.nodes().size();
    model.addField(
        FieldSpec.builder(boolean[].class, "passTrainable", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc(
                "Per layer, read at the start of each pass: whether it is trainable; a frozen"
                    + " layer's backward gets no gradient array.\n")
            .initializer("new boolean[$L]", layers)
            .build());
    model.addField(
        FieldSpec.builder(int.class, "passLowest", Modifier.PRIVATE)
            .addJavadoc(
                "The lowest layer whose backward the running pass executes: the lowest with"
                    + " trainable parameters, 0 when the input gradient is wanted.\n")
            .build());
    model.addField(
        FieldSpec.builder(long[].class, "backwardRuns", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("Per layer: how many training passes have executed its backward.\n")
            .initializer("new long[$L]", layers)
            .build());
    model.addMethod(passFlags(layers));
    model.addMethod(
        MethodSpec.methodBuilder("backwardRuns")
            .addJavadoc(
                "How many training passes have executed each layer's backward, by layer index. A"
                    + " pass does not execute the backward of the layers below the lowest layer"
                    + " with trainable parameters (unless it computes the input gradient).\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(long[].class)
            .addStatement("return backwardRuns.clone()")
            .build());
  }

  private static MethodSpec passFlags(int layers) {
    return MethodSpec.methodBuilder("passFlags")
        .addJavadoc(
            "Reads the trainable flags once per pass, so a pass sees one consistent set even when"
                + " another thread freezes a layer meanwhile.\n")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(boolean.class, "inputGradient")
        .addStatement("int lowest = inputGradient ? 0 : $L", layers)
        .beginControlFlow("for (int i = $L; i >= 0; i--)", layers - 1)
        .addStatement("$T layer = layers.get(i)", LAYER)
        .addStatement("boolean trainable = layer.isTrainable()")
        .addStatement("passTrainable[i] = trainable")
        .beginControlFlow("if (trainable && layer.trainableParamCount() > 0)")
        .addStatement("lowest = Math.min(lowest, i)")
        .endControlFlow()
        .endControlFlow()
        .addStatement("passLowest = lowest")
        .build();
  }

  /** The statement {@code passFlags(inputGrads != null)} for the start of the pass. */
  CodeBlock readFlags(String inputGrads) {
    return CodeBlock.of("passFlags($N != null)", inputGrads);
  }

  /** {@code call} guarded so that it runs only when layer {@code last}'s backward runs. */
  CodeBlock ifRuns(int last, CodeBlock call) {
    return CodeBlock.of("if (passLowest <= $L) $L", last, call);
  }

  /** The gradient array that {@code node}'s backward gets: {@code g}, or null when frozen. */
  CodeBlock grads(Node node, String g) {
    return CodeBlock.of("passTrainable[$L] ? $N : null", index(node), g);
  }

  /**
   * The delta array for the input {@code input} of a layer: {@code deltas}, or null when that
   * input's own backward does not run (nothing reads the gradient).
   */
  CodeBlock inputDeltas(String input, String deltas) {
    return CodeBlock.of("passLowest <= $L ? $N : null", index.get(input), deltas);
  }

  /** Counts one executed backward of {@code node}, once per pass (on the chunk at example 0). */
  CodeBlock countChunk(Node node) {
    return CodeBlock.of("if (from == 0) backwardRuns[$L]++;\n", index(node));
  }

  /** Counts one executed backward of a batch layer. */
  CodeBlock count(Node node) {
    return CodeBlock.of("backwardRuns[$L]++;\n", index(node));
  }

  /** Whether {@code node} trains frozen in the running pass, as an expression. */
  CodeBlock frozen(Node node) {
    return CodeBlock.of("!passTrainable[$L]", index(node));
  }
}
