package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jconv.processor.emit.Buffer;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.kind.Kinds;
import dev.jconv.processor.kind.LayerKind;
import dev.jconv.processor.kind.LayerKind.Softmax;
import dev.jconv.processor.kind.LayerKind.Training;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the training pass of a model, the one dispatcher that runs each layer as its kind trains
 * ({@link Training}): the forward pass in training mode and the backward pass over a batch. Layers
 * run example by example in parallel segments; each BatchNormalization is a barrier that sees the
 * whole batch. Buffers grow with the largest batch seen and are then reused, so steady-state steps
 * allocate nothing large.
 */
final class TrainingWriter {
  private static final ClassName PARALLEL = ClassName.get("dev.jconv.parallel", "Parallel");
  private static final ClassName LOSSES = ClassName.get("dev.jconv.kernels", "Losses");

  private final Graph graph;
  private final Layout layout;
  private final Map<String, Node> byName = new HashMap<>();

  private final boolean simd;
  private final LayerMethods methods;

  TrainingWriter(Graph graph, Layout layout) {
    this(graph, layout, false);
  }

  /**
   * With {@code simd}, the training pass runs the {@code Simd} kernels (forward, and backward where
   * a kind has one) when the JVM can.
   */
  TrainingWriter(Graph graph, Layout layout, boolean simd) {
    this.graph = graph;
    this.layout = layout;
    this.simd = simd;
    this.methods = new LayerMethods(graph, layout);
    for (Node node : graph.nodes()) {
      byName.put(node.name(), node);
    }
  }

  /** Whether the loss hands the output layer its pre-softmax gradient directly. */
  static boolean lossFused(Graph graph, Node node) {
    return node == graph.output() && Kinds.of(node.spec()).softmax() != Softmax.NONE;
  }

  private static Training training(Node node) {
    return Kinds.of(node.spec()).training();
  }

  /** Adds the training kernels to the kernels class: per layer as its kind trains. */
  void addKernels(TypeSpec.Builder kernels) {
    for (Node node : graph.nodes()) {
      LayerKind<?> kind = Kinds.of(node.spec());
      Site site = methods.site(node, new ArrayList<>());
      if (kind.training() != Training.INFERENCE_FORWARD) {
        kernels.addMethod(kind.trainingForward(site));
      }
      kernels.addMethod(
          kind.training() == Training.BATCH
              ? kind.batchBackward(site)
              : methods.scalarBackward(node));
    }
  }

  /** Adds the training buffers, {@code backpropagate} and its segment methods to the model. */
  void addTo(TypeSpec.Builder model) {
    TrainingEntryPoints.addTo(model, graph, layout, lossFused(graph, graph.output()));
    List<List<Node>> segments = segments();
    MethodSpec.Builder pass =
        MethodSpec.methodBuilder("pass")
            .addJavadoc(
                "The training pass against integer {@code labels} or soft {@code targets}, each"
                    + " example weighted by {@code sampleWeights} (null: 1).\n")
            .addModifiers(Modifier.PRIVATE)
            .returns(float.class)
            .addParameter(float[].class, "x")
            .addParameter(int[].class, "labels")
            .addParameter(float[].class, "targets")
            .addParameter(float[].class, "sampleWeights")
            .addParameter(int.class, "n")
            .addParameter(float[].class, "grads")
            .addParameter(float[].class, "inputGrads")
            .addParameter(long.class, "seed")
            .addStatement("ensureCapacity(n)")
            .beginControlFlow("for (float[] g : trainGrads)")
            .addStatement("$T.fill(g, 0f)", java.util.Arrays.class)
            .endControlFlow()
            .beginControlFlow("if (inputGrads != null)")
            .addStatement(
                "$T.fill(inputGrads, 0, n * $L, 0f)",
                java.util.Arrays.class,
                graph.network().input().size())
            .endControlFlow();
    for (int s = 0; s < segments.size(); s++) {
      pass.addStatement("$L", segmentCall(model, s, segments.get(s), true));
    }
    model.addMethod(lossMethod());
    pass.addStatement(
        "$T.forRange(n, (from, to) -> { for (int e = from; e < to; e++) loss(x, labels, targets,"
            + " sampleWeights, n, e); })",
        PARALLEL);
    for (int s = segments.size() - 1; s >= 0; s--) {
      pass.addStatement("$L", segmentCall(model, s, segments.get(s), false));
    }
    pass.addStatement("$T.arraycopy(trainGrads[0], 0, grads, 0, PARAM_COUNT)", System.class)
        .beginControlFlow("for (int t = 1; t < trainGrads.length; t++)")
        .beginControlFlow("for (int i = 0; i < PARAM_COUNT; i++)")
        .addStatement("grads[i] += trainGrads[t][i]")
        .endControlFlow()
        .endControlFlow()
        .addStatement("double total = 0")
        .beginControlFlow("for (int e = 0; e < n; e++)")
        .addStatement("total += trainLosses[e]")
        .endControlFlow()
        .addStatement("return (float) (total / n)");
    model.addMethod(pass.build());
  }

  /**
   * The pass's call of segment {@code s}, forward or backward: a BatchNormalization's batch-level
   * method, or the segment's per-example method over the batch in parallel (backward into per-chunk
   * gradients), which is added to {@code model}.
   */
  private CodeBlock segmentCall(
      TypeSpec.Builder model, int s, List<Node> segment, boolean forward) {
    Node first = segment.get(0);
    if (isBatchNorm(segment)) {
      return forward ? batchNormForward(first) : batchNormBackward(first);
    }
    model.addMethod(forward ? forwardSegment(s, segment) : backwardSegment(s, segment));
    return forward
        ? CodeBlock.of(
            "$T.forRange(n, (from, to) -> { for (int e = from; e < to; e++) forwardTrain$L(x, e,"
                + " seed); })",
            PARALLEL,
            s)
        : CodeBlock.of(
            "$T.forChunks(n, (chunk, from, to) -> { for (int e = from; e < to; e++)"
                + " backward$L(x, trainGrads[chunk], inputGrads, e); })",
            PARALLEL,
            s);
  }

  /** Splits the layers into runs without BatchNormalization and single BatchNormalizations. */
  private List<List<Node>> segments() {
    List<List<Node>> segments = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (training(node) == Training.BATCH) {
        if (!current.isEmpty()) {
          segments.add(current);
          current = new ArrayList<>();
        }
        segments.add(List.of(node));
      } else {
        current.add(node);
      }
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    return segments;
  }

  private static boolean isBatchNorm(List<Node> segment) {
    return training(segment.get(0)) == Training.BATCH;
  }

  /** The array and offset expression of an input of example {@code e}. */
  private CodeBlock input(String name) {
    if (name.equals(Node.INPUT)) {
      return CodeBlock.of("x, e * $L", graph.network().input().size());
    }
    return CodeBlock.of("trainA, e * WORKSPACE + $L", layout.out(byName.get(name)));
  }

  private CodeBlock inputDelta(String name) {
    if (name.equals(Node.INPUT)) {
      return CodeBlock.of("inputGrads, e * $L", graph.network().input().size());
    }
    return CodeBlock.of("trainD, e * WORKSPACE + $L", layout.out(byName.get(name)));
  }

  private MethodSpec forwardSegment(int index, List<Node> segment) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("forwardTrain" + index)
            .addJavadoc(
                "Training forward of $L to $L for example {@code e}.\n",
                segment.get(0).name(),
                segment.get(segment.size() - 1).name())
            .addModifiers(Modifier.PRIVATE)
            .addParameter(float[].class, "x")
            .addParameter(int.class, "e")
            .addParameter(long.class, "seed")
            .addStatement("int ao = e * WORKSPACE");
    if (simd) {
      m.beginControlFlow("if (SIMD)")
          .addCode(forwardCalls(segment, "Simd"))
          .nextControlFlow("else")
          .addCode(forwardCalls(segment, "Scalar"))
          .endControlFlow();
    } else {
      m.addCode(forwardCalls(segment, "Scalar"));
    }
    return m.build();
  }

  /** The forward calls of one segment on the kernels class {@code kernels}. */
  private CodeBlock forwardCalls(List<Node> segment, String kernels) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (Node node : segment) {
      if (training(node) == Training.OWN_FORWARD) {
        b.addStatement(
            "Scalar.$NForwardTrain($L, trainA, ao, seed, e)",
            node.name(),
            input(node.inputs().get(0)));
        continue;
      }
      CodeBlock.Builder args = CodeBlock.builder().add("weights");
      for (String in : node.inputs()) {
        args.add(", $L", input(in));
      }
      b.addStatement("$L.$NForward($L, trainA, ao)", kernels, node.name(), args.build());
    }
    return b.build();
  }

  private MethodSpec backwardSegment(int index, List<Node> segment) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("backward" + index)
            .addJavadoc(
                "Backward of $L down to $L for example {@code e}.\n",
                segment.get(segment.size() - 1).name(),
                segment.get(0).name())
            .addModifiers(Modifier.PRIVATE)
            .addParameter(float[].class, "x")
            .addParameter(float[].class, "g")
            .addParameter(float[].class, "inputGrads")
            .addParameter(int.class, "e")
            .addStatement("int ao = e * WORKSPACE");
    for (int i = segment.size() - 1; i >= 0; i--) {
      Node node = segment.get(i);
      CodeBlock.Builder args = CodeBlock.builder().add("weights, g");
      for (String in : node.inputs()) {
        args.add(", $L, $L", input(in), inputDelta(in));
      }
      args.add(", trainA, ao, trainD, ao");
      if (simd && methods.hasSimdBackward(node)) {
        m.beginControlFlow("if (SIMD)")
            .addStatement("Simd.$NBackward($L)", node.name(), args.build())
            .nextControlFlow("else")
            .addStatement("Scalar.$NBackward($L)", node.name(), args.build())
            .endControlFlow();
      } else {
        m.addStatement("Scalar.$NBackward($L)", node.name(), args.build());
      }
    }
    return m.build();
  }

  private CodeBlock batchNormForward(Node node) {
    String in = node.inputs().get(0);
    return CodeBlock.of(
        "Scalar.$NForwardTrain(weights, $L, $L, trainA, 0, WORKSPACE, n, trainStats)",
        node.name(),
        batchInput(in, "x", "trainA"),
        stride(in));
  }

  private CodeBlock batchNormBackward(Node node) {
    String in = node.inputs().get(0);
    return CodeBlock.of(
        "Scalar.$NBackward(weights, trainGrads[0], $L, $L, $L, $L, trainD, 0, WORKSPACE, n,"
            + " trainStats)",
        node.name(),
        batchInput(in, "x", "trainA"),
        stride(in),
        batchInput(in, "inputGrads", "trainD"),
        stride(in));
  }

  private CodeBlock batchInput(String in, String inputArray, String workspace) {
    if (in.equals(Node.INPUT)) {
      return CodeBlock.of("$N, 0", inputArray);
    }
    return CodeBlock.of("$N, $L", workspace, layout.out(byName.get(in)));
  }

  private CodeBlock stride(String in) {
    return in.equals(Node.INPUT)
        ? CodeBlock.of("$L", graph.network().input().size())
        : CodeBlock.of("WORKSPACE");
  }

  /** Clears example {@code e}'s deltas and seeds them with the loss gradient. */
  private MethodSpec lossMethod() {
    Node out = graph.output();
    int classes = Math.toIntExact(out.output().size());
    CodeBlock logits;
    Softmax softmax = Kinds.of(out.spec()).softmax();
    if (softmax == Softmax.FUSED) {
      logits = CodeBlock.of("trainA, e * WORKSPACE + $L", layout.scratch(out, Buffer.PRE));
    } else if (softmax == Softmax.STANDALONE) {
      String in = out.inputs().get(0);
      logits = in.equals(Node.INPUT) ? CodeBlock.of("x, e * $L", classes) : input(in);
    } else {
      logits = CodeBlock.of("trainA, e * WORKSPACE + $L", layout.out(out));
    }
    return MethodSpec.methodBuilder("loss")
        .addJavadoc(
            "Softmax cross-entropy of example {@code e} from its logits, weighted; seeds its"
                + " deltas with w (p - target) / n.\n")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int[].class, "labels")
        .addParameter(float[].class, "targets")
        .addParameter(float[].class, "sampleWeights")
        .addParameter(int.class, "n")
        .addParameter(int.class, "e")
        .addStatement(
            "$T.fill(trainD, e * WORKSPACE, (e + 1) * WORKSPACE, 0f)", java.util.Arrays.class)
        .addStatement("float weight = sampleWeights == null ? 1f : sampleWeights[e]")
        .addStatement(
            "double loss = targets == null\n? $T.softmaxCrossEntropy($L, $L, labels[e], weight / n,"
                + " trainD, e * WORKSPACE + $L)\n: $T.softmaxCrossEntropy($L, $L, targets, e * $L,"
                + " weight / n, trainD, e * WORKSPACE + $L)",
            LOSSES,
            logits,
            classes,
            layout.out(out),
            LOSSES,
            logits,
            classes,
            classes,
            layout.out(out))
        .addStatement("trainLosses[e] = (float) (loss * weight)")
        .build();
  }
}
