package dev.jconv.processor.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.ParamKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The layer whose code is being emitted, and where that code goes: its node, the layout of the
 * model, and the list that takes the helper methods a SIMD kernel splits off.
 *
 * @param node the layer
 * @param layout where weights and buffers live
 * @param helpers where extra methods go (SIMD tiles); the writer adds them after the layer's own
 * @param lossFused whether the loss hands this (output) layer its pre-softmax gradient
 * @param index the layer's position in the network, which seeds its dropout mask
 * @param fields where constants of the kernels class go (such as a {@code static final ConvShape})
 */
public record Site(
    Node node,
    Layout layout,
    List<MethodSpec> helpers,
    boolean lossFused,
    int index,
    List<FieldSpec> fields) {
  /** A site whose constants are dropped. */
  public Site(Node node, Layout layout, List<MethodSpec> helpers, boolean lossFused, int index) {
    this(node, layout, helpers, lossFused, index, new ArrayList<>());
  }

  /** The layer's name. */
  public String name() {
    return node.name();
  }

  /** The first input's shape as (h, w, c). */
  public Shape3 in() {
    return Shape3.of(node.inputShapes().get(0));
  }

  /** The output shape as (h, w, c). */
  public Shape3 out() {
    return Shape3.of(node.output());
  }

  /** Elements of the output. */
  public int outSize() {
    return Math.toIntExact(node.output().size());
  }

  /** The offset of this layer's tensor {@code kind} in the weight array. */
  public Offset param(ParamKind kind) {
    return layout.param(node, kind);
  }

  /** The offset of this layer's output in the workspace. */
  public Offset outOffset() {
    return layout.out(node);
  }

  /** The offset of this layer's auxiliary buffer {@code suffix} in the training aux array. */
  public Offset aux(String suffix) {
    return layout.aux(node, suffix);
  }

  /**
   * Floats between consecutive examples' inputs in the training pass: the workspace size, or the
   * input size when the layer reads the network input.
   */
  public int inputStride() {
    return node.inputs().get(0).equals(Node.INPUT)
        ? Math.toIntExact(node.inputShapes().get(0).size())
        : layout.workspaceSize();
  }

  /** The name of a constant of this layer in a kernels class: {@code CONV1_SHAPE}. */
  public String constant(String suffix) {
    return Layout.upperSnake(node.name()) + "_" + suffix;
  }

  /** The offset of one of this layer's scratch buffers in the workspace. */
  public Offset scratch(Buffer kind) {
    return layout.scratch(node, kind);
  }
}
