package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The phases of a training pass and the dispatcher that runs them on the workers: phase 0 is the
 * loss (each chunk first clears its gradient array), {@code 1 + 3s} the forward of segment {@code
 * s}, {@code 2 + 3s} its backward and {@code 3 + 3s} the kernel gradients of its Dense layers over
 * the whole batch, split by kernel rows ({@code weights<s>}; a segment without Dense has none).
 * {@code run(phase, n)} sets the model's phase field and hands the one {@code ChunkBody} the model
 * made at construction ({@code passBody}, a reference to {@code passChunk}) to {@code Parallel}, so
 * no parallel region allocates. The switch is cut into methods of {@link Sequences#PART} phases.
 */
final class PassDispatch {
  private static final ClassName PARALLEL = ClassName.get("dev.jconv.parallel", "Parallel");

  private int segments;
  private final java.util.Set<Integer> withWeights = new java.util.HashSet<>();

  /** How many parallel segments there are so far. */
  int segments() {
    return segments;
  }

  /**
   * Registers parallel segment {@code s}, the next one; {@code weights}: it has a phase of batch
   * kernel gradients.
   */
  void addSegment(int s, boolean weights) {
    segments = s + 1;
    if (weights) {
      withWeights.add(s);
    }
  }

  int lossPhase() {
    return 0;
  }

  int forwardPhase(int s) {
    return 1 + 3 * s;
  }

  int backwardPhase(int s) {
    return 2 + 3 * s;
  }

  int weightsPhase(int s) {
    return 3 + 3 * s;
  }

  /** {@code run}, {@code passChunk} and its switch methods. */
  List<MethodSpec> methods() {
    List<MethodSpec> out = new ArrayList<>();
    out.add(
        MethodSpec.methodBuilder("run")
            .addJavadoc("Runs phase {@code phase} of the pass over {@code n} examples in chunks.\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int.class, "phase")
            .addParameter(int.class, "n")
            .addStatement("passPhase = phase")
            .addStatement("$T.forChunks(n, passBody)", PARALLEL)
            .build());
    int phases = 1 + 3 * segments;
    int parts = (phases + Sequences.PART - 1) / Sequences.PART;
    MethodSpec.Builder chunk =
        MethodSpec.methodBuilder("passChunk")
            .addJavadoc("The current phase on chunk {@code chunk}, examples {@code [from, to)}.\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int.class, "chunk")
            .addParameter(int.class, "from")
            .addParameter(int.class, "to")
            .addStatement("int p = passPhase");
    for (int part = 0; part < parts; part++) {
      int hi = Math.min(phases, (part + 1) * Sequences.PART);
      if (part == 0) {
        chunk.beginControlFlow("if (p < $L)", hi);
      } else if (part == parts - 1) {
        chunk.nextControlFlow("else");
      } else {
        chunk.nextControlFlow("else if (p < $L)", hi);
      }
      chunk.addStatement("passChunk$L(p, chunk, from, to)", part);
      out.add(switchPart(part, part * Sequences.PART, hi));
    }
    out.add(0, chunk.endControlFlow().build());
    return out;
  }

  private MethodSpec switchPart(int part, int lo, int hi) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("passChunk" + part)
            .addJavadoc("Phases $L to $L.\n", lo, hi - 1)
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int.class, "p")
            .addParameter(int.class, "chunk")
            .addParameter(int.class, "from")
            .addParameter(int.class, "to")
            .beginControlFlow("switch (p)");
    for (int p = lo; p < hi; p++) {
      m.addCode("case $L:\n$>", p);
      if (p == 0) {
        m.addStatement("passSums.clear(chunkGrads(chunk))");
        m.addStatement("lossChunk(from, to)");
      } else if (p % 3 == 1) {
        m.addStatement("forwardTrain$L(from, to)", (p - 1) / 3);
      } else if (p % 3 == 2) {
        m.addStatement("backward$L(chunkGrads(chunk), from, to)", (p - 2) / 3);
      } else if (withWeights.contains((p - 3) / 3)) {
        m.addStatement("weights$L(from, to)", (p - 3) / 3);
      }
      m.addStatement("break$<");
    }
    return m.addCode("default:\n$>")
        .addStatement("throw new $T(\"no phase \" + p)", IllegalStateException.class)
        .addCode("$<")
        .endControlFlow()
        .build();
  }
}
