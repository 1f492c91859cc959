package dev.jconv;

import dev.jconv.io.ModelWeights;
import dev.jconv.io.SafeTensorsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What every generated {@code <Name>Model} offers: its layers, shapes, parameter counts, a
 * Keras-like summary, and saving and loading its weights.
 */
public interface Model {
  /** The network's name: the simple name of the {@code @Network} class. */
  String name();

  /** The input shape without the batch axis. */
  int[] inputShape();

  /** The output shape without the batch axis (the last layer's). */
  int[] outputShape();

  /** The layers in declaration order. */
  List<Layer> layers();

  /**
   * All parameters in one flat array (live, not a copy): each {@link Param} occupies {@code
   * [offset, offset + size)} in Keras's layout, row-major.
   */
  float[] weights();

  /**
   * Whether the outputs are probabilities (the network ends in SOFTMAX) rather than logits; the
   * generated model overrides this when it does.
   */
  default boolean outputsProbabilities() {
    return false;
  }

  /** Floats per input example: the product of {@link #inputShape()}. */
  default int inputSize() {
    int n = 1;
    for (int d : inputShape()) {
      n *= d;
    }
    return n;
  }

  /** Floats per output example: the product of {@link #outputShape()}. */
  default int outputSize() {
    int n = 1;
    for (int d : outputShape()) {
      n *= d;
    }
    return n;
  }

  /**
   * Runs inference on one example stored at {@code x[xo...]} (HWC, row-major) and writes the output
   * at {@code y[yo...]}; no bounds are checked here, and nothing is allocated once the calling
   * thread has its workspace. Safe to call from many threads at once.
   */
  void predictInto(float[] x, int xo, float[] y, int yo);

  /**
   * Inference on one example in HWC order; returns the output (class probabilities for SOFTMAX).
   */
  default float[] predict(float[] hwc) {
    Checks.size(name() + ".predict", "input", hwc.length, inputSize(), inputShape(), 1);
    float[] y = new float[outputSize()];
    predictInto(hwc, 0, y, 0);
    return y;
  }

  /**
   * Inference on {@code n} examples stored contiguously in NHWC order, spread over the cores;
   * writes {@code n} outputs contiguously into {@code out}.
   */
  default void predict(float[] nhwc, int n, float[] out) {
    if (n < 0) {
      throw new IllegalArgumentException(name() + ".predict: n = " + n + " must not be negative");
    }
    Checks.size(name() + ".predict", "input", nhwc.length, inputSize(), inputShape(), n);
    Checks.size(name() + ".predict", "output", out.length, outputSize(), outputShape(), n);
    int in = inputSize();
    int outSize = outputSize();
    dev.jconv.parallel.Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            predictInto(nhwc, i * in, out, i * outSize);
          }
        });
  }

  /**
   * One training pass over a batch: the forward pass in training mode (BatchNormalization on batch
   * statistics, updating its moving averages; Dropout active with masks drawn from {@code seed}),
   * the mean softmax cross-entropy against integer labels, and the backward pass.
   *
   * <p>The loss is fused with the output's softmax for stability: when the output layer ends in
   * SOFTMAX the loss reads its logits; otherwise the outputs are taken as logits.
   *
   * @param x {@code n} examples, NHWC
   * @param labels {@code n} class indices in {@code [0, outputSize())}
   * @param n the batch size
   * @param grads receives d(mean loss)/d(weights), laid out as {@link #weights()} (overwritten;
   *     zero for non-trainable statistics)
   * @param inputGrads receives d(mean loss)/d(x) when not null (overwritten)
   * @param seed the dropout seed of this step
   * @return the mean loss over the batch
   */
  default float lossAndGradients(
      float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed) {
    String where = name() + ".lossAndGradients";
    checkPass(where, x, n, grads, inputGrads);
    if (labels.length < n) {
      throw new IllegalArgumentException(
          where + ": labels has " + labels.length + " entries, expected at least n = " + n);
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= outputSize()) {
        throw new IllegalArgumentException(
            where
                + ": labels["
                + i
                + "] = "
                + labels[i]
                + " is not a class index in [0, "
                + outputSize()
                + ")");
      }
    }
    return backpropagate(x, labels, n, grads, inputGrads, seed);
  }

  /**
   * {@link #lossAndGradients(float[], int[], int, float[], float[], long)} with soft targets and
   * sample weights: the loss is {@code sum_i w_i * CE(targets_i, softmax(z_i)) / n}, as Keras
   * weighs samples. Targets are one row of {@code outputSize()} probabilities per example (one-hot,
   * label-smoothed, or any distribution); {@code sampleWeights} may be null (all 1), e.g. class
   * weights looked up by label.
   */
  default float lossAndGradients(
      float[] x,
      float[] targets,
      float[] sampleWeights,
      int n,
      float[] grads,
      float[] inputGrads,
      long seed) {
    String where = name() + ".lossAndGradients";
    checkPass(where, x, n, grads, inputGrads);
    int classes = outputSize();
    Checks.size(where, "targets", targets.length, classes, outputShape(), n);
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        float t = targets[i * classes + k];
        if (!(t >= 0)) {
          throw new IllegalArgumentException(
              where + ": targets[" + i + "][" + k + "] = " + t + " is not a probability");
        }
        sum += t;
      }
      if (Math.abs(sum - 1) > 1e-3) {
        throw new IllegalArgumentException(
            where + ": the targets of example " + i + " sum to " + sum + ", expected 1");
      }
    }
    if (sampleWeights != null) {
      if (sampleWeights.length < n) {
        throw new IllegalArgumentException(
            where + ": sampleWeights has " + sampleWeights.length + " entries, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!(sampleWeights[i] >= 0) || Float.isInfinite(sampleWeights[i])) {
          throw new IllegalArgumentException(
              where + ": sampleWeights[" + i + "] = " + sampleWeights[i] + " must be >= 0");
        }
      }
    }
    return backpropagate(x, targets, sampleWeights, n, grads, inputGrads, seed);
  }

  /**
   * The soft-target form of {@link #backpropagate(float[], int[], int, float[], float[], long)};
   * generated models implement it.
   */
  default float backpropagate(
      float[] x,
      float[] targets,
      float[] sampleWeights,
      int n,
      float[] grads,
      float[] inputGrads,
      long seed) {
    throw new UnsupportedOperationException(name() + " has no soft-target training pass");
  }

  /**
   * {@link #lossAndGradients} without the argument checks; generated code implements it. Not
   * thread-safe: one training pass at a time per model (the pass itself uses every core).
   */
  float backpropagate(float[] x, int[] labels, int n, float[] grads, float[] inputGrads, long seed);

  /**
   * Copies the outputs of the last {@link #lossAndGradients} pass (training mode, before the
   * update) for its {@code n} examples into {@code out}, so training metrics cost no second forward
   * pass.
   */
  default void trainingOutputs(float[] out, int n) {
    throw new UnsupportedOperationException(name() + " keeps no training outputs");
  }

  /** The layer whose field is called {@code name}. */
  default Layer layer(String name) {
    for (Layer layer : layers()) {
      if (layer.name().equals(name)) {
        return layer;
      }
    }
    throw new NoSuchElementException(
        "no layer '" + name + "' in " + name() + "; layers: " + layerNames());
  }

  /** All parameters, as Keras's "Total params". */
  default long paramCount() {
    long n = 0;
    for (Layer layer : layers()) {
      n += layer.paramCount();
    }
    return n;
  }

  /** Parameters the optimizer updates (frozen layers and moving statistics excluded). */
  default long trainableParamCount() {
    long n = 0;
    for (Layer layer : layers()) {
      n += layer.trainableParamCount();
    }
    return n;
  }

  /** Parameters the optimizer leaves alone. */
  default long nonTrainableParamCount() {
    return paramCount() - trainableParamCount();
  }

  /** The Keras-like summary table. */
  default String summary() {
    return Summary.format(name(), inputShape(), layers());
  }

  /**
   * Writes every parameter to {@code file} in the safetensors format, named {@code <field>.<kind>}
   * with Keras's shapes, plus metadata {@code {"format": "jconv", "network": name()}}. Atomic: a
   * crash or error never leaves a partial file at {@code file}.
   */
  default void save(Path file) throws IOException {
    ModelWeights.save(this, file);
  }

  /**
   * Replaces every parameter with the tensor of the same name in the safetensors {@code file} (F32,
   * F16, BF16 or F64). All or nothing: the file must hold exactly this model's tensors with exactly
   * its shapes, and after any failure the model is unchanged.
   *
   * @throws SafeTensorsException if the file is malformed or does not fit; the message names each
   *     wrong shape (expected and found), each missing and each unexpected tensor
   */
  default void load(Path file) throws IOException {
    ModelWeights.load(this, file);
  }

  private void checkPass(String where, float[] x, int n, float[] grads, float[] inputGrads) {
    if (n < 1) {
      throw new IllegalArgumentException(where + ": n = " + n + " must be at least 1");
    }
    if (outputShape().length != 1) {
      throw new UnsupportedOperationException(
          where
              + ": the cross-entropy loss needs an output of shape (classes), but the output is "
              + java.util.Arrays.toString(outputShape())
              + "; end the network with Flatten or global pooling and a Dense layer");
    }
    Checks.size(where, "input", x.length, inputSize(), inputShape(), n);
    Checks.size(where, "grads", grads.length, weights().length, new int[] {weights().length}, 1);
    if (inputGrads != null) {
      Checks.size(where, "inputGrads", inputGrads.length, inputSize(), inputShape(), n);
    }
  }

  private List<String> layerNames() {
    return layers().stream().map(Layer::name).toList();
  }
}
