package dev.jconv.processor.kind;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.jconv.processor.emit.Layout;
import dev.jconv.processor.emit.Site;
import dev.jconv.processor.infer.Inferred;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Node;
import dev.jconv.processor.model.Shape;
import java.util.List;

/**
 * Everything about one kind of layer, for one declared layer {@code spec}: its attribute rules,
 * shape and parameter inference, scratch buffers, and its emitters (scalar forward and backward,
 * SIMD forward and, where one exists, SIMD backward). A subclass per kind, registered in {@link
 * Kinds}; the abstract methods are what every kind must have, so a kind without an emitter does not
 * compile.
 *
 * <p>Emitters return method bodies. The forward body runs with {@code w} (weights), {@code x, xo}
 * (the input; {@code x0, x0o, x1, x1o, ...} for merges), {@code a, ao} (the example's workspace)
 * and {@code yo} (its output offset) in scope. The backward body also has {@code g} (gradient
 * accumulators; null when the layer's parameters get no gradient, and then a body must skip its
 * weight gradients), {@code dx, dxo} (the input gradient, to add to; null when not wanted), {@code
 * d, dOff} (the deltas, mirroring the workspace), {@code dyo} and {@code t} (the training pass's
 * auxiliary array, see {@link #prepareBackward}).
 *
 * @param <S> the layer spec this kind handles
 */
public abstract class LayerKind<S extends LayerSpec> {
  /** How the training pass runs a layer. */
  public enum Training {
    /** Its inference forward, per example. */
    INFERENCE_FORWARD,
    /** Its own per-example training forward, {@link #trainingForward} (Dropout). */
    OWN_FORWARD,
    /** Over the whole batch at once: {@link #trainingForward} and {@link #batchBackward}. */
    BATCH
  }

  /** Where a layer's softmax sits, for the loss that fuses with it. */
  public enum Softmax {
    /** The layer does not end in a softmax. */
    NONE,
    /** Fused into the layer: the logits are its {@code PRE} buffer. */
    FUSED,
    /** The layer is a softmax: the logits are its input. */
    STANDALONE
  }

  /** The declared layer. */
  protected final S spec;

  /** A kind for {@code spec}. */
  protected LayerKind(S spec) {
    this.spec = spec;
  }

  /** Checks the attribute values on their own (positive sizes, rates in range); none by default. */
  public void checkAttributes(AttributeCheck check) {}

  /**
   * The output shape and parameter tensors in Keras's layouts, or why the layer does not fit.
   * Attribute values are valid here.
   *
   * @param inputs the input shapes, one per input
   * @param inputNames the input layers' names, for messages ({@code input} for the network input)
   */
  public abstract Inferred infer(List<Shape> inputs, List<String> inputNames);

  /** Declares the workspace buffers this layer needs besides its output; none by default. */
  public void scratch(Node node, Layout.Scratch scratch) {}

  /** The scalar forward body. */
  public abstract CodeBlock scalarForward(Site site);

  /** The scalar backward body, after the fused activation's gradient. */
  public abstract CodeBlock scalarBackward(Site site);

  /** The SIMD forward body, or null when the SIMD class calls the scalar twin. */
  public abstract CodeBlock simdForward(Site site);

  /** The SIMD backward body, or null (the default) when training runs the scalar one. */
  public CodeBlock simdBackward(Site site) {
    return null;
  }

  /**
   * The SIMD training forward over a block of examples at once, or null (the default) when the pass
   * calls the per-example forward for each. The body runs with {@code w}, {@code x, xo} (the first
   * example's input; examples {@link Site#inputStride()} apart), {@code a, a0} (the first example's
   * workspace; examples {@code WORKSPACE} apart) and {@code rows} (examples) in scope.
   */
  public CodeBlock simdForwardRows(Site site) {
    return null;
  }

  /**
   * The SIMD backward over a block of examples at once, or null (the default) when the pass calls
   * the per-example backward for each. In scope: as {@link #simdForwardRows}, plus {@code g} (null:
   * no parameter gradients), {@code dx, dxo} (null: no input gradient; examples as far apart as
   * their inputs), {@code d, d0} (the first example's deltas) and {@code t} (the auxiliary array).
   * The body applies the fused activation's gradient itself.
   */
  public CodeBlock simdBackwardRows(Site site) {
    return null;
  }

  /**
   * What the SIMD backward needs made once per training step before it runs, such as a transposed
   * kernel in the auxiliary array (declared with {@link Layout.Scratch#aux}), or null (the
   * default). The body runs with {@code w} (weights) and {@code t} (the auxiliary array) in scope.
   */
  public CodeBlock prepareBackward(Site site) {
    return null;
  }

  /** How the training pass runs this layer. */
  public Training training() {
    return Training.INFERENCE_FORWARD;
  }

  /** The training forward of a {@link Training#OWN_FORWARD} or {@link Training#BATCH} layer. */
  public MethodSpec trainingForward(Site site) {
    throw new UnsupportedOperationException(spec.kerasType() + " has no training forward");
  }

  /** The batch backward of a {@link Training#BATCH} layer. */
  public MethodSpec batchBackward(Site site) {
    throw new UnsupportedOperationException(spec.kerasType() + " has no batch backward");
  }

  /**
   * The training forward of a {@link Training#BATCH} layer while it is frozen, with the signature
   * of {@link #trainingForward}: Keras runs a frozen BatchNormalization in inference mode.
   */
  public MethodSpec frozenTrainingForward(Site site) {
    throw new UnsupportedOperationException(spec.kerasType() + " has no frozen training forward");
  }

  /**
   * The backward of a {@link Training#BATCH} layer while it is frozen, with the signature of {@link
   * #batchBackward}: the input gradient only.
   */
  public MethodSpec frozenBatchBackward(Site site) {
    throw new UnsupportedOperationException(spec.kerasType() + " has no frozen batch backward");
  }

  /** Where this layer's softmax is, if it ends in one. */
  public Softmax softmax() {
    return spec.fusedActivation() == dev.jconv.Activation.Fn.SOFTMAX ? Softmax.FUSED : Softmax.NONE;
  }
}
