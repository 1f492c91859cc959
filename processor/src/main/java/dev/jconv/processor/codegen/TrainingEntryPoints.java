package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.model.Graph;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The training entry points of a generated model, the hooks the runtime's trainer calls ({@code
 * backpropagate}, {@code trainingOutputs}, {@code outputsProbabilities}), and the training buffers
 * they share with the pass: buffers grow with the largest batch seen and are then reused, so
 * steady-state steps allocate nothing large.
 */
final class TrainingEntryPoints {
  private static final ClassName PARALLEL = ClassName.get("dev.jconv.parallel", "Parallel");

  private TrainingEntryPoints() {}

  /**
   * Adds the training buffers and entry points to {@code model}; they call the {@code pass} that
   * {@link TrainingWriter} writes.
   */
  static void addTo(TypeSpec.Builder model, Graph graph, Layout layout, boolean lossFused) {
    model.addField(float[].class, "trainA", Modifier.PRIVATE);
    model.addField(float[].class, "trainD", Modifier.PRIVATE);
    model.addField(float[].class, "trainStats", Modifier.PRIVATE);
    model.addField(float[].class, "trainLosses", Modifier.PRIVATE);
    model.addField(float[][].class, "trainGrads", Modifier.PRIVATE);
    model.addField(
        FieldSpec.builder(float[].class, "trainAux", Modifier.PRIVATE)
            .addJavadoc("What the SIMD backward makes from the weights once per step.\n")
            .build());
    model.addField(
        FieldSpec.builder(int.class, "AUX", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Floats of {@code trainAux}.\n")
            .initializer("$L", layout.auxSize())
            .build());
    passState(model);
    model.addField(
        FieldSpec.builder(int.class, "STATS", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Floats of batch statistics kept by BatchNormalization layers.\n")
            .initializer("$L", layout.statsSize())
            .build());
    model.addMethod(ensureCapacity());
    if (lossFused) {
      model.addMethod(
          MethodSpec.methodBuilder("outputsProbabilities")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(boolean.class)
              .addStatement("return true")
              .build());
    }
    model.addMethod(
        MethodSpec.methodBuilder("trainingOutputs")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(float[].class, "out")
            .addParameter(int.class, "n")
            .beginControlFlow("if (trainA == null || trainA.length < n * WORKSPACE)")
            .addStatement(
                "throw new $T(\"no training pass of \" + n + \" examples has run\")",
                IllegalStateException.class)
            .endControlFlow()
            .beginControlFlow("for (int e = 0; e < n; e++)")
            .addStatement(
                "$T.arraycopy(trainA, e * WORKSPACE + $L, out, e * $L, $L)",
                System.class,
                layout.out(graph.output()),
                graph.output().output().size(),
                graph.output().output().size())
            .endControlFlow()
            .build());
    model.addMethod(
        backpropagate("labels, null, null", ParameterSpec.builder(int[].class, "labels").build()));
    model.addMethod(
        backpropagate(
            "null, targets, sampleWeights",
            ParameterSpec.builder(float[].class, "targets").build(),
            ParameterSpec.builder(float[].class, "sampleWeights").build()));
  }

  /**
   * The arguments of the running pass, which the phases read, and the one chunk body of every
   * parallel region, made once so that a step allocates nothing.
   */
  private static void passState(TypeSpec.Builder model) {
    model.addField(float[].class, "passX", Modifier.PRIVATE);
    model.addField(int[].class, "passLabels", Modifier.PRIVATE);
    model.addField(float[].class, "passTargets", Modifier.PRIVATE);
    model.addField(float[].class, "passWeights", Modifier.PRIVATE);
    model.addField(float[].class, "passInputGrads", Modifier.PRIVATE);
    model.addField(int.class, "passN", Modifier.PRIVATE);
    model.addField(long.class, "passSeed", Modifier.PRIVATE);
    model.addField(int.class, "passPhase", Modifier.PRIVATE);
    model.addField(
        FieldSpec.builder(
                ClassName.get("dev.jconv.parallel", "Parallel", "ChunkBody"),
                "passBody",
                Modifier.PRIVATE,
                Modifier.FINAL)
            .initializer("this::passChunk")
            .build());
  }

  /**
   * {@code backpropagate(x, <targets>, n, grads, inputGrads, seed)}: the pass with {@code call}.
   */
  private static MethodSpec backpropagate(String call, ParameterSpec... targets) {
    return MethodSpec.methodBuilder("backpropagate")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(float.class)
        .addParameter(float[].class, "x")
        .addParameters(List.of(targets))
        .addParameter(int.class, "n")
        .addParameter(float[].class, "grads")
        .addParameter(float[].class, "inputGrads")
        .addParameter(long.class, "seed")
        .addStatement("return pass(x, $L, n, grads, inputGrads, seed)", call)
        .build();
  }

  private static MethodSpec ensureCapacity() {
    return MethodSpec.methodBuilder("ensureCapacity")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addStatement("int chunks = $T.chunks(n)", PARALLEL)
        .beginControlFlow("if (trainA == null || trainA.length < n * WORKSPACE)")
        .addStatement("trainA = new float[n * WORKSPACE]")
        .addStatement("trainD = new float[n * WORKSPACE]")
        .addStatement("trainLosses = new float[n]")
        .addStatement("trainStats = new float[STATS]")
        .addStatement("trainAux = new float[AUX]")
        .endControlFlow()
        // Chunk 0 accumulates into the caller's array; the others have their own.
        .beginControlFlow("if (trainGrads == null || trainGrads.length != chunks - 1)")
        .addStatement("trainGrads = new float[chunks - 1][PARAM_COUNT]")
        .endControlFlow()
        .build();
  }
}
