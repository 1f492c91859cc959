package dev.jconv.processor.codegen;

import dev.jconv.Activation.Fn;
import dev.jconv.processor.model.Graph;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Where everything lives in the flat arrays, as llm.c splits one buffer: each parameter tensor's
 * offset in the weight array (declaration order, Keras's weight order), and each layer's output and
 * scratch buffers in the per-example workspace.
 */
final class Layout {
  /** Scratch: a separable convolution's depthwise output. */
  static final String MID = "mid";

  /**
   * Scratch: pre-activation values of a layer with a fused SWISH (its backward needs them) or
   * SOFTMAX (the loss reads the logits).
   */
  static final String PRE = "pre";

  /** Scratch: a dropout layer's mask. */
  static final String MASK = "mask";

  /** Scratch: a batch normalization's per-channel scale and shift (2 * channels). */
  static final String AFFINE = "affine";

  /** Scratch: the zero-padded input that a SIMD convolution with SAME padding reads. */
  static final String PAD = "pad";

  private final Map<String, Integer> paramOffsets = new HashMap<>();
  private final Map<String, Integer> buffers = new HashMap<>();
  private final Map<String, Integer> stats = new HashMap<>();
  private final int paramCount;
  private int workspace;
  private int statsSize;

  Layout(Graph graph) {
    long offset = 0;
    for (Node node : graph.nodes()) {
      for (ParamSpec p : node.params()) {
        paramOffsets.put(key(node, p.kind()), Math.toIntExact(offset));
        offset += p.size();
      }
    }
    paramCount = Math.toIntExact(offset);
    for (Node node : graph.nodes()) {
      int size = Math.toIntExact(node.output().size());
      allocate(node, "out", size);
      LayerSpec spec = node.spec();
      if (spec instanceof LayerSpec.SeparableConv2D s) {
        Shape3 o = Shape3.of(node.output());
        allocate(node, MID, o.h() * o.w() * node.inputShapes().get(0).c() * s.depthMultiplier());
      }
      if (spec.fusedActivation() == Fn.SWISH || spec.fusedActivation() == Fn.SOFTMAX) {
        allocate(node, PRE, size);
      }
      if (spec instanceof LayerSpec.Dropout) {
        allocate(node, MASK, size);
      }
      if (spec instanceof LayerSpec.BatchNormalization) {
        allocate(node, AFFINE, 2 * node.output().c());
        stats.put(node.name(), statsSize);
        statsSize += 4 * node.output().c();
      }
      Padded padded = Padded.of(node);
      if (padded != null && padded.copies()) {
        allocate(node, PAD, padded.size());
      }
    }
  }

  private void allocate(Node node, String kind, int size) {
    buffers.put(key(node, kind), workspace);
    workspace = Math.addExact(workspace, size);
  }

  /** The offset of {@code node}'s tensor of this kind in the weight array. */
  int param(Node node, String kind) {
    return lookup(paramOffsets, key(node, kind));
  }

  /** The offset of {@code node}'s output in the workspace. */
  int out(Node node) {
    return lookup(buffers, key(node, "out"));
  }

  /** The offset of one of {@code node}'s scratch buffers in the workspace. */
  int scratch(Node node, String kind) {
    return lookup(buffers, key(node, kind));
  }

  /**
   * Where a BatchNormalization's batch mean, inverse standard deviation and two gradient sums
   * (channels each) live in the training statistics array.
   */
  int stats(Node node) {
    return lookup(stats, node.name());
  }

  /** The size of the training statistics array. */
  int statsSize() {
    return statsSize;
  }

  /** The size of the weight array. */
  int paramCount() {
    return paramCount;
  }

  /** Floats of workspace one example needs. */
  int workspaceSize() {
    return workspace;
  }

  private static int lookup(Map<String, Integer> map, String key) {
    Integer offset = map.get(key);
    if (offset == null) {
      throw new IllegalArgumentException("no buffer " + key);
    }
    return offset;
  }

  private static String key(Node node, String kind) {
    return node.name() + "." + kind;
  }
}
