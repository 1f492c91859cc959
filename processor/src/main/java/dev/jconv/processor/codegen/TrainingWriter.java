package dev.jconv.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the training pass of a model: the forward pass in training mode and the backward pass over
 * a batch, each layer as its kind trains ({@link Training}). The layers between BatchNormalization
 * barriers form a segment that runs as one parallel region; within a chunk of examples the segment
 * runs layer-major (each layer over every example of the chunk, or over all of them at once where a
 * kind has a block kernel, as Dense has), so a layer's weights stay in cache. Every layer has its
 * own forward and backward method, called in an order that can be cut; the backward gets the
 * chunk's gradient array (null would skip its parameter gradients). Chunk 0 accumulates straight
 * into the caller's array, the other chunks into arrays of their own that are added to it at the
 * end, over the ranges the chunks write ({@code ChunkSums}). Dense layers are the exception: their
 * backward over a chunk computes only the input gradient, and after the segment's backward one more
 * phase computes their kernel and bias gradients over the whole batch, split over the threads by
 * kernel rows and written straight into the caller's array, so the largest gradients are neither
 * copied per chunk nor reduced, and each kernel row is summed over the examples in the same order
 * whatever the thread count. Parallel regions go through one {@code ChunkBody} made at construction
 * that switches on a phase field, so a warm step allocates nothing. See {@link PassDispatch} for
 * the phases.
 */
final class TrainingWriter {
  private final Graph graph;
  private final Layout layout;
  private final Map<String, Node> byName = new HashMap<>();
  private final boolean simd;
  private final LayerMethods methods;
  private final FreezeDispatch freeze;
  private final DeltaClears clears;
  private final int inputSize;

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
    this.freeze = new FreezeDispatch(graph);
    this.clears = new DeltaClears(graph, layout);
    this.inputSize = Math.toIntExact(graph.network().input().size());
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
      if (kind.training() == Training.BATCH) {
        kernels.addMethod(kind.frozenTrainingForward(site));
        kernels.addMethod(kind.frozenBatchBackward(site));
      }
    }
  }

  /** Adds the training buffers, the pass, its dispatcher and the per-layer methods to the model. */
  void addTo(TypeSpec.Builder model) {
    TrainingEntryPoints.addTo(model, graph, layout, lossFused(graph, graph.output()));
    List<List<Node>> segments = segments();
    List<CodeBlock> forward = new ArrayList<>();
    List<CodeBlock> backward = new ArrayList<>();
    PassDispatch dispatch = new PassDispatch();
    model.addField(
        FieldSpec.builder(float[].class, "passGrads", Modifier.PRIVATE)
            .addJavadoc(
                "The caller's gradient array during a pass: chunk 0's and the batch Dense"
                    + " kernels'.\n")
            .build());
    model.addField(
        FieldSpec.builder(CHUNK_SUMS, "passSums", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("The gradient ranges that each chunk accumulates in its own array.\n")
            .initializer("new $T($L)", CHUNK_SUMS, chunkRanges())
            .build());
    model.addMethod(chunkGrads());
    for (List<Node> segment : segments) {
      if (isBatchNorm(segment)) {
        Node bn = segment.get(0);
        forward.add(batchNormForward(bn));
        backward.add(0, freeze.ifRuns(freeze.index(bn), CodeBlock.of("$NBack(n)", bn.name())));
        model.addMethod(batchNormBackward(bn));
        continue;
      }
      int s = dispatch.segments();
      List<Node> dense = segment.stream().filter(TrainingWriter::batchWeights).toList();
      dispatch.addSegment(s, !dense.isEmpty());
      forward.add(CodeBlock.of("run($L, n)", dispatch.forwardPhase(s)));
      if (!dense.isEmpty()) {
        // After the segment's backward (inserted before it below); it also zeroes frozen kernels.
        backward.add(0, CodeBlock.of("run($L, $L)", dispatch.weightsPhase(s), SPLIT));
        model.addMethods(segmentWeights(s, dense));
        for (Node node : dense) {
          model.addField(gradRows(node));
          model.addMethod(layerWeights(node));
        }
      }
      backward.add(
          0,
          freeze.ifRuns(
              freeze.index(segment.get(segment.size() - 1)),
              CodeBlock.of("run($L, n)", dispatch.backwardPhase(s))));
      model.addMethods(segmentForward(s, segment));
      model.addMethods(segmentBackward(s, segment));
    }
    for (Node node : graph.nodes()) {
      if (training(node) != Training.BATCH) {
        model.addMethod(layerForward(node));
        model.addMethod(layerBackward(node));
      }
    }
    model.addMethod(lossMethod());
    model.addMethod(lossChunk());
    model.addMethods(dispatch.methods());
    freeze.addTo(model);
    model.addMethods(Sequences.of(() -> passPart("forwardPass"), "n", forward));
    model.addMethods(Sequences.of(() -> passPart("backwardPass"), "n", backward));
    if (simd) {
      model.addMethods(Sequences.of(TrainingWriter::prepareSignature, "", prepareCalls()));
    }
    model.addMethod(pass(dispatch.lossPhase()));
  }

  private MethodSpec pass(int lossPhase) {
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
            .addStatement("$L", freeze.readFlags("inputGrads"))
            .beginControlFlow("if (inputGrads != null)")
            .addStatement("$T.fill(inputGrads, 0, n * $L, 0f)", java.util.Arrays.class, inputSize)
            .endControlFlow()
            .addStatement("passX = x")
            .addStatement("passLabels = labels")
            .addStatement("passTargets = targets")
            .addStatement("passWeights = sampleWeights")
            .addStatement("passN = n")
            .addStatement("passInputGrads = inputGrads")
            .addStatement("passGrads = grads")
            .addStatement("passSeed = seed")
            .beginControlFlow("try")
            .addStatement("forwardPass(n)");
    if (simd) {
      pass.beginControlFlow("if (SIMD)").addStatement("prepareBackward()").endControlFlow();
    }
    pass.addStatement("run($L, n)", lossPhase)
        .addStatement("backwardPass(n)")
        .addStatement("passSums.sum(grads, trainGrads, trainGrads.length)")
        .nextControlFlow("finally")
        .addComment("The model keeps no reference to the caller's arrays.")
        .addStatement("passX = null")
        .addStatement("passLabels = null")
        .addStatement("passTargets = null")
        .addStatement("passWeights = null")
        .addStatement("passInputGrads = null")
        .addStatement("passGrads = null")
        .endControlFlow()
        .addStatement("double total = 0")
        .beginControlFlow("for (int e = 0; e < n; e++)")
        .addStatement("total += trainLosses[e]")
        .endControlFlow()
        .addStatement("return (float) (total / n)");
    return pass.build();
  }

  private static MethodSpec.Builder passPart(String name) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(
            "The $L half of the training pass over {@code n} examples, segment by segment.\n",
            name.startsWith("forward") ? "forward" : "backward")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n");
  }

  private static MethodSpec.Builder prepareSignature() {
    return MethodSpec.methodBuilder("prepareBackward")
        .addJavadoc("Fills {@code trainAux} from the weights before the SIMD backward.\n")
        .addModifiers(Modifier.PRIVATE);
  }

  private List<CodeBlock> prepareCalls() {
    List<CodeBlock> calls = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (training(node) != Training.BATCH && methods.hasPrepare(node)) {
        calls.add(CodeBlock.of("Simd.$NPrepare(weights, trainAux)", node.name()));
      }
    }
    return calls;
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
  private CodeBlock input(String name, String e) {
    if (name.equals(Node.INPUT)) {
      return CodeBlock.of("passX, $L * $L", e, inputSize);
    }
    return CodeBlock.of("trainA, $L * WORKSPACE + $L", e, layout.out(byName.get(name)));
  }

  /** The delta array and offset of an input of example {@code e}; null when nothing reads it. */
  private CodeBlock inputDelta(String name, String e) {
    if (name.equals(Node.INPUT)) {
      return CodeBlock.of("passInputGrads, $L * $L", e, inputSize);
    }
    return CodeBlock.of(
        "$L, $L * WORKSPACE + $L",
        freeze.inputDeltas(name, "trainD"),
        e,
        layout.out(byName.get(name)));
  }

  /** {@code forwardTrain3(from, to)}: segment 3's layers in order over a chunk. */
  private List<MethodSpec> segmentForward(int s, List<Node> segment) {
    List<CodeBlock> calls = new ArrayList<>();
    for (Node node : segment) {
      calls.add(CodeBlock.of("$NTrain(from, to)", node.name()));
    }
    return Sequences.of(
        () ->
            MethodSpec.methodBuilder("forwardTrain" + s)
                .addJavadoc(
                    "Training forward of $L to $L, layer by layer over examples {@code [from,"
                        + " to)}.\n",
                    segment.get(0).name(),
                    segment.get(segment.size() - 1).name())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(int.class, "from")
                .addParameter(int.class, "to"),
        "from, to",
        calls);
  }

  /** {@code backward3(g, from, to)}: segment 3's layers in reverse order over a chunk. */
  private List<MethodSpec> segmentBackward(int s, List<Node> segment) {
    List<CodeBlock> calls = new ArrayList<>();
    for (int i = segment.size() - 1; i >= 0; i--) {
      Node node = segment.get(i);
      // A Dense layer's parameter gradients come later, over the whole batch (weights<s>).
      CodeBlock g = batchWeights(node) ? CodeBlock.of("null") : freeze.grads(node, "g");
      calls.add(
          freeze.ifRuns(freeze.index(node), CodeBlock.of("$NBack($L, from, to)", node.name(), g)));
    }
    return Sequences.of(
        () ->
            MethodSpec.methodBuilder("backward" + s)
                .addJavadoc(
                    "Backward of $L down to $L over examples {@code [from, to)}, parameter"
                        + " gradients into {@code g}.\n",
                    segment.get(segment.size() - 1).name(),
                    segment.get(0).name())
                .addModifiers(Modifier.PRIVATE)
                .addParameter(float[].class, "g")
                .addParameter(int.class, "from")
                .addParameter(int.class, "to"),
        "g, from, to",
        calls);
  }

  /** {@code conv1Train(from, to)}: one layer's training forward over a chunk of examples. */
  private MethodSpec layerForward(Node node) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Train")
            .addJavadoc("Training forward of $L over examples {@code [from, to)}.\n", node.name())
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int.class, "from")
            .addParameter(int.class, "to");
    if (training(node) == Training.OWN_FORWARD) {
      return m.beginControlFlow("for (int e = from; e < to; e++)")
          .addStatement(
              "Scalar.$NForwardTrain($L, trainA, e * WORKSPACE, passSeed, e)",
              node.name(),
              input(node.inputs().get(0), "e"))
          .endControlFlow()
          .build();
    }
    if (simd) {
      m.beginControlFlow("if (SIMD)");
      if (methods.hasForwardRows(node)) {
        m.addStatement(
            "Simd.$NForwardRows(weights, $L, trainA, from * WORKSPACE, to - from)",
            node.name(),
            input(node.inputs().get(0), "from"));
      } else {
        m.addCode(forwardLoop(node, "Simd"));
      }
      m.addStatement("return").endControlFlow();
    }
    return m.addCode(forwardLoop(node, "Scalar")).build();
  }

  private CodeBlock forwardLoop(Node node, String kernels) {
    CodeBlock.Builder args = CodeBlock.builder().add("weights");
    for (String in : node.inputs()) {
      args.add(", $L", input(in, "e"));
    }
    return CodeBlock.builder()
        .beginControlFlow("for (int e = from; e < to; e++)")
        .addStatement("$L.$NForward($L, trainA, e * WORKSPACE)", kernels, node.name(), args.build())
        .endControlFlow()
        .build();
  }

  /** {@code conv1Back(g, from, to)}: one layer's backward over a chunk of examples. */
  private MethodSpec layerBackward(Node node) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Back")
            .addJavadoc(
                "Backward of $L over examples {@code [from, to)}; parameter gradients into {@code"
                    + " g} (null: none).\n",
                node.name())
            .addModifiers(Modifier.PRIVATE)
            .addParameter(float[].class, "g")
            .addParameter(int.class, "from")
            .addParameter(int.class, "to")
            .addCode(freeze.countChunk(node));
    if (simd && methods.hasBackwardRows(node)) {
      String in = node.inputs().get(0);
      m.beginControlFlow("if (SIMD)")
          .addCode(clears.layerFills(node, true))
          .addStatement(
              "Simd.$NBackwardRows(weights, g, $L, $L, trainA, from * WORKSPACE, trainD, from *"
                  + " WORKSPACE, to - from, trainAux)",
              node.name(),
              input(in, "from"),
              inputDelta(in, "from"))
          .addStatement("return")
          .endControlFlow();
    } else if (simd && methods.hasSimdBackward(node)) {
      m.beginControlFlow("if (SIMD)")
          .addCode(backwardLoop(node, "Simd"))
          .addStatement("return")
          .endControlFlow();
    }
    return m.addCode(backwardLoop(node, "Scalar")).build();
  }

  private CodeBlock backwardLoop(Node node, String kernels) {
    CodeBlock.Builder args = CodeBlock.builder().add("weights, g");
    for (String in : node.inputs()) {
      args.add(", $L, $L", input(in, "e"), inputDelta(in, "e"));
    }
    args.add(", trainA, e * WORKSPACE, trainD, e * WORKSPACE, trainAux");
    return CodeBlock.builder()
        .beginControlFlow("for (int e = from; e < to; e++)")
        .add(clears.layerFills(node, false))
        .addStatement("$L.$NBackward($L)", kernels, node.name(), args.build())
        .endControlFlow()
        .build();
  }

  /** A BatchNormalization's training forward: inference mode while it is frozen. */
  private CodeBlock batchNormForward(Node node) {
    String in = node.inputs().get(0);
    CodeBlock args =
        CodeBlock.of(
            "weights, $L, $L, trainA, 0, WORKSPACE, n, trainStats",
            batchInput(in, "passX", "trainA"),
            stride(in));
    return CodeBlock.of(
        "if ($L) Scalar.$NForwardFrozen($L); else Scalar.$NForwardTrain($L)",
        freeze.frozen(node),
        node.name(),
        args,
        node.name(),
        args);
  }

  /** {@code bn1Back(n)}: a BatchNormalization's backward over the batch, frozen or not. */
  private MethodSpec batchNormBackward(Node node) {
    String in = node.inputs().get(0);
    CodeBlock dx =
        in.equals(Node.INPUT)
            ? CodeBlock.of("passInputGrads, 0")
            : CodeBlock.of("$L, $L", freeze.inputDeltas(in, "trainD"), layout.out(byName.get(in)));
    CodeBlock args =
        CodeBlock.of(
            "$L, $L, $L, $L, trainD, 0, WORKSPACE, n, trainStats",
            batchInput(in, "passX", "trainA"),
            stride(in),
            dx,
            stride(in));
    return MethodSpec.methodBuilder(node.name() + "Back")
        .addJavadoc(
            "Backward of $L over the batch; in inference mode, without parameter gradients, while"
                + " it is frozen.\n",
            node.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "n")
        .addCode(freeze.count(node))
        .beginControlFlow("if ($L)", freeze.frozen(node))
        .addStatement("Scalar.$NBackwardFrozen(weights, null, $L)", node.name(), args)
        .nextControlFlow("else")
        .addStatement("Scalar.$NBackward(weights, passGrads, $L)", node.name(), args)
        .endControlFlow()
        .build();
  }

  private CodeBlock batchInput(String in, String inputArray, String workspace) {
    if (in.equals(Node.INPUT)) {
      return CodeBlock.of("$N, 0", inputArray);
    }
    return CodeBlock.of("$N, $L", workspace, layout.out(byName.get(in)));
  }

  private CodeBlock stride(String in) {
    return in.equals(Node.INPUT) ? CodeBlock.of("$L", inputSize) : CodeBlock.of("WORKSPACE");
  }

  private static MethodSpec lossChunk() {
    return MethodSpec.methodBuilder("lossChunk")
        .addJavadoc("The loss of examples {@code [from, to)}, seeding their deltas.\n")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "from")
        .addParameter(int.class, "to")
        .beginControlFlow("for (int e = from; e < to; e++)")
        .addStatement("loss(passX, passLabels, passTargets, passWeights, passN, e)")
        .endControlFlow()
        .build();
  }

  /**
   * Clears example {@code e}'s deltas (but those {@link DeltaClears} leaves to the layers) and
   * seeds them with the loss gradient.
   */
  private MethodSpec lossMethod() {
    Node out = graph.output();
    int classes = Math.toIntExact(out.output().size());
    CodeBlock logits;
    Softmax softmax = Kinds.of(out.spec()).softmax();
    if (softmax == Softmax.FUSED) {
      logits = CodeBlock.of("trainA, e * WORKSPACE + $L", layout.scratch(out, Buffer.PRE));
    } else if (softmax == Softmax.STANDALONE) {
      String in = out.inputs().get(0);
      logits = in.equals(Node.INPUT) ? CodeBlock.of("x, e * $L", classes) : input(in, "e");
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
        .addCode(clears.lossFills())
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

  /** Whether {@code node}'s parameter gradients are computed over the whole batch at once. */
  static boolean batchWeights(Node node) {
    return node.spec() instanceof LayerSpec.Dense && training(node) != Training.BATCH;
  }

  /** The bounds of the gradient ranges that chunks accumulate: all but the batch Dense layers'. */
  private CodeBlock chunkRanges() {
    List<int[]> direct = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (batchWeights(node)) {
        for (ParamKind kind : List.of(ParamKind.KERNEL, ParamKind.BIAS)) {
          if (node.params().stream().anyMatch(p -> p.kind() == kind)) {
            var off = layout.param(node, kind);
            direct.add(new int[] {off.value(), off.value() + off.size()});
          }
        }
      }
    }
    direct.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<String> bounds = new ArrayList<>();
    int at = 0;
    for (int[] d : direct) {
      if (d[0] > at) {
        bounds.add(at + ", " + d[0]);
      }
      at = Math.max(at, d[1]);
    }
    if (at < layout.paramCount()) {
      bounds.add(at + ", " + layout.paramCount());
    }
    return CodeBlock.of("$L", String.join(", ", bounds));
  }

  private static MethodSpec chunkGrads() {
    return MethodSpec.methodBuilder("chunkGrads")
        .addJavadoc(
            "The gradient array of chunk {@code chunk}: the caller's for chunk 0, else its own.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(float[].class)
        .addParameter(int.class, "chunk")
        .addStatement("return chunk == 0 ? passGrads : trainGrads[chunk - 1]")
        .build();
  }

  private static int inputs(Node node) {
    return Math.toIntExact(node.inputShapes().get(0).size());
  }

  /**
   * The range the weights phase splits over the threads: each chunk's share of it is its share of
   * every Dense kernel's rows.
   */
  private static final int SPLIT = 1 << 20;

  /** {@code FC1_GRAD_ROWS}: the dimensions of a Dense layer's batch kernel gradient. */
  private FieldSpec gradRows(Node node) {
    String in = node.inputs().get(0);
    return FieldSpec.builder(
            MATMUL_ROWS, gradRowsName(node), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(
            "new $T($L, $L, $L, WORKSPACE)",
            MATMUL_ROWS,
            inputs(node),
            node.output().size(),
            in.equals(Node.INPUT) ? CodeBlock.of("$L", inputSize) : CodeBlock.of("WORKSPACE"))
        .build();
  }

  private String gradRowsName(Node node) {
    return methods.site(node, new ArrayList<>()).constant("GRAD_ROWS");
  }

  /**
   * {@code weights3(from, to)}: the share {@code [from, to)} of {@link #SPLIT} of the kernel rows
   * of each of segment 3's Dense layers.
   */
  private List<MethodSpec> segmentWeights(int s, List<Node> dense) {
    List<CodeBlock> calls = new ArrayList<>();
    for (Node node : dense) {
      calls.add(CodeBlock.of("$NWeights(from, to)", node.name()));
    }
    return Sequences.of(
        () ->
            MethodSpec.methodBuilder("weights" + s)
                .addJavadoc(
                    "The share {@code [from, to)} of $L of the kernel rows of each Dense layer of"
                        + " segment $L: their gradients over the whole batch.\n",
                    SPLIT,
                    s)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(int.class, "from")
                .addParameter(int.class, "to"),
        "from, to",
        calls);
  }

  /**
   * {@code fc1Weights(from, to)}: the share {@code [from, to)} of {@link #SPLIT} of the layer's
   * kernel gradient rows over the batch, into the caller's array, and the bias gradient with row 0;
   * zeros while the layer is frozen.
   */
  private MethodSpec layerWeights(Node node) {
    int units = Math.toIntExact(node.output().size());
    var kernel = layout.param(node, ParamKind.KERNEL);
    boolean bias = node.params().stream().anyMatch(p -> p.kind() == ParamKind.BIAS);
    String in = node.inputs().get(0);
    CodeBlock x =
        in.equals(Node.INPUT)
            ? CodeBlock.of("passX, 0")
            : CodeBlock.of("trainA, $L", layout.out(byName.get(in)));
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(node.name() + "Weights")
            .addJavadoc(
                "The share {@code [from, to)} of $L of $L's kernel gradient rows over the batch,"
                    + " and its bias gradient with row 0; zeros while it is frozen.\n",
                SPLIT,
                node.name())
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int.class, "from")
            .addParameter(int.class, "to")
            .addStatement("int k0 = (int) ((long) from * $L / $L)", inputs(node), SPLIT)
            .addStatement("int k1 = (int) ((long) to * $L / $L)", inputs(node), SPLIT)
            .beginControlFlow("if (k0 >= k1)")
            .addStatement("return")
            .endControlFlow()
            .beginControlFlow("if (passTrainable[$L])", freeze.index(node))
            .addStatement("$T.Dims dims = $N.rows(passN)", MATMUL, gradRowsName(node))
            .addStatement(
                "$T.weightRows(dims, k0, k1, $L, trainD, $L, passGrads, $L)",
                MATMUL,
                x,
                layout.out(node),
                kernel);
    if (bias) {
      m.beginControlFlow("if (k0 == 0)")
          .addStatement(
              "$T.biasInto(dims, trainD, $L, passGrads, $L)",
              MATMUL,
              layout.out(node),
              layout.param(node, ParamKind.BIAS))
          .endControlFlow();
    }
    m.nextControlFlow("else")
        .addStatement(
            "$T.fill(passGrads, $L + k0 * $L, $L + k1 * $L, 0f)",
            java.util.Arrays.class,
            kernel,
            units,
            kernel,
            units);
    if (bias) {
      m.beginControlFlow("if (k0 == 0)")
          .addStatement(
              "$T.fill(passGrads, $L, $L + $L, 0f)",
              java.util.Arrays.class,
              layout.param(node, ParamKind.BIAS),
              layout.param(node, ParamKind.BIAS),
              units)
          .endControlFlow();
    }
    return m.endControlFlow().build();
  }

  private static final ClassName MATMUL = ClassName.get("dev.jconv.kernels", "MatMul");
  private static final ClassName MATMUL_ROWS = MATMUL.nestedClass("Rows");
  private static final ClassName CHUNK_SUMS = ClassName.get("dev.jconv.kernels", "ChunkSums");
  private static final ClassName LOSSES = ClassName.get("dev.jconv.kernels", "Losses");
}
