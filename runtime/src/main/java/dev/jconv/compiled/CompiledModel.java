package dev.jconv.compiled;

import dev.jconv.Checks;
import dev.jconv.Model;
import dev.jconv.data.Dataset;
import dev.jconv.io.ModelWeights;
import dev.jconv.parallel.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The hooks a generated {@code <Name>Model} implements beyond the user-facing {@link Model}: the
 * training pass the {@code Trainer} drives, and weight files through {@code dev.jconv.io}. User
 * code holds a {@link Model}; a custom training loop calls {@link #lossAndGradients} here.
 */
public interface CompiledModel extends Model {
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
    // Messages are built only on failure: a warm training step allocates nothing.
    checkPass(x, n, grads, inputGrads);
    if (labels.length < n) {
      throw new IllegalArgumentException(
          where() + ": labels has " + labels.length + " entries, expected at least n = " + n);
    }
    int classes = outputSize();
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            where()
                + ": labels["
                + i
                + "] = "
                + labels[i]
                + " is not a class index in [0, "
                + classes
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
    checkPass(x, n, grads, inputGrads);
    int classes = outputSize();
    if (targets.length != (long) classes * n) {
      Checks.size(where(), "targets", targets.length, classes, outputShape(), n);
    }
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        float t = targets[i * classes + k];
        if (!(t >= 0)) {
          throw new IllegalArgumentException(
              where() + ": targets[" + i + "][" + k + "] = " + t + " is not a probability");
        }
        sum += t;
      }
      if (Math.abs(sum - 1) > 1e-3) {
        throw new IllegalArgumentException(
            where() + ": the targets of example " + i + " sum to " + sum + ", expected 1");
      }
    }
    if (sampleWeights != null) {
      if (sampleWeights.length < n) {
        throw new IllegalArgumentException(
            where() + ": sampleWeights has " + sampleWeights.length + " entries, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        if (!(sampleWeights[i] >= 0) || Float.isInfinite(sampleWeights[i])) {
          throw new IllegalArgumentException(
              where() + ": sampleWeights[" + i + "] = " + sampleWeights[i] + " must be >= 0");
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

  /**
   * Inference on {@code n} examples stored contiguously from {@code x[xo...]} into {@code
   * y[yo...]}, on the calling thread; no bounds are checked. Generated models with Dense layers run
   * a block of examples layer by layer so that each weight is read once per block; this default
   * runs {@link #predictInto} per example.
   */
  default void predictBlock(float[] x, int xo, int n, float[] y, int yo) {
    int in = inputSize();
    int out = outputSize();
    for (int i = 0; i < n; i++) {
      predictInto(x, xo + i * in, y, yo + i * out);
    }
  }

  /** As {@link Model#predict(float[], int, float[])}, through {@link #predictBlock}. */
  @Override
  default void predict(float[] nhwc, int n, float[] out) {
    if (n < 0) {
      throw new IllegalArgumentException(name() + ".predict: n = " + n + " must not be negative");
    }
    Checks.size(name() + ".predict", "input", nhwc.length, inputSize(), inputShape(), n);
    Checks.size(name() + ".predict", "output", out.length, outputSize(), outputShape(), n);
    int in = inputSize();
    int outSize = outputSize();
    Parallel.forRange(
        n, (from, to) -> predictBlock(nhwc, from * in, to - from, out, from * outSize));
  }

  /** As {@link Model#predict(Dataset)}, through {@link #predictBlock}. */
  @Override
  default float[] predict(Dataset data) {
    if (!Arrays.equals(data.shape(), inputShape())) {
      throw new IllegalArgumentException(
          name()
              + ".predict: the data set's examples have shape "
              + Arrays.toString(data.shape())
              + ", expected the input shape "
              + Arrays.toString(inputShape()));
    }
    int n = data.size();
    int in = inputSize();
    int outSize = outputSize();
    float[] out = new float[Math.multiplyExact(n, outSize)];
    int chunk = 256;
    float[] x = new float[Math.multiplyExact(Math.min(n, chunk), in)];
    for (int start = 0; start < n; start += chunk) {
      int b = Math.min(chunk, n - start);
      for (int i = 0; i < b; i++) {
        data.copyExample(start + i, x, i * in);
      }
      int base = start;
      Parallel.forRange(
          b, (from, to) -> predictBlock(x, from * in, to - from, out, (base + from) * outSize));
    }
    return out;
  }

  @Override
  default void save(Path file) throws IOException {
    ModelWeights.save(this, file);
  }

  @Override
  default void load(Path file) throws IOException {
    ModelWeights.load(this, file);
  }

  /**
   * The rank of {@link #outputShape()}; generated models answer it without copying the shape, so
   * that the argument checks of a training step allocate nothing.
   */
  default int outputRank() {
    return outputShape().length;
  }

  private String where() {
    return name() + ".lossAndGradients";
  }

  private void checkPass(float[] x, int n, float[] grads, float[] inputGrads) {
    if (n < 1) {
      throw new IllegalArgumentException(where() + ": n = " + n + " must be at least 1");
    }
    if (outputRank() != 1) {
      throw new UnsupportedOperationException(
          where()
              + ": the cross-entropy loss needs an output of shape (classes), but the output is "
              + Arrays.toString(outputShape())
              + "; end the network with Flatten or global pooling and a Dense layer");
    }
    int in = inputSize();
    if (x.length != (long) in * n) {
      Checks.size(where(), "input", x.length, in, inputShape(), n);
    }
    int params = weights().length;
    if (grads.length != params) {
      Checks.size(where(), "grads", grads.length, params, new int[] {params}, 1);
    }
    if (inputGrads != null && inputGrads.length != (long) in * n) {
      Checks.size(where(), "inputGrads", inputGrads.length, in, inputShape(), n);
    }
  }
}
