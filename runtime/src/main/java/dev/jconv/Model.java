package dev.jconv;

import dev.jconv.data.Dataset;
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
   * Inference on every example of {@code data}, in order, spread over the cores; returns {@code
   * data.size()} outputs contiguously (row {@code i} at {@code i * outputSize()}). Use {@code
   * dev.jconv.train.Evaluator} for loss, accuracy and the confusion matrix.
   *
   * @throws IllegalArgumentException if the examples' shape is not this model's input shape
   */
  default float[] predict(Dataset data) {
    if (!java.util.Arrays.equals(data.shape(), inputShape())) {
      throw new IllegalArgumentException(
          name()
              + ".predict: the data set's examples have shape "
              + java.util.Arrays.toString(data.shape())
              + ", expected the input shape "
              + java.util.Arrays.toString(inputShape()));
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
      dev.jconv.parallel.Parallel.forRange(
          b,
          (from, to) -> {
            for (int i = from; i < to; i++) {
              predictInto(x, i * in, out, (base + i) * outSize);
            }
          });
    }
    return out;
  }

  /**
   * Feature extraction on one example, Keras's {@code Model(inputs,
   * base.get_layer(layer).output).predict(x)}: runs the inference forward pass up to and including
   * {@code layer} and returns that layer's output ({@code layer(layer).outputSize()} floats, in its
   * output shape's row-major order), on the same kernels as {@link #predict(float[])}.
   *
   * @throws java.util.NoSuchElementException if there is no such layer (the message lists them)
   * @throws IllegalArgumentException if {@code hwc} is not one example of the input shape
   */
  default float[] features(String layer, float[] hwc) {
    return Features.one(this, layer, hwc);
  }

  /**
   * {@link #features(String, float[])} on {@code n} examples stored contiguously in NHWC order,
   * spread over the cores; writes {@code n} rows of {@code layer(layer).outputSize()} floats into
   * {@code out}.
   */
  default void features(String layer, float[] nhwc, int n, float[] out) {
    Features.batch(this, layer, nhwc, n, out);
  }

  /**
   * {@link #features(String, float[])} on every example of {@code data}, in order, spread over the
   * cores; returns {@code data.size()} rows contiguously (embeddings for search, or the inputs of
   * another classifier, with the labels of {@code data}).
   */
  default float[] features(String layer, Dataset data) {
    return Features.all(this, layer, data);
  }

  /**
   * Runs the inference forward pass of the example at {@code x[xo...]} up to the layer at {@code
   * index} in {@link #layers()} and writes that layer's output at {@code y[yo...]}; nothing is
   * checked here. Generated models implement it; {@link #features(String, float[])} calls it.
   */
  default void featuresInto(int index, float[] x, int xo, float[] y, int yo) {
    throw new UnsupportedOperationException(name() + " has no feature extraction");
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
  void save(Path file) throws IOException;

  /**
   * Replaces every parameter with the tensor of the same name in the safetensors {@code file} (F32,
   * F16, BF16 or F64). All or nothing: the file must hold exactly this model's tensors with exactly
   * its shapes, and after any failure the model is unchanged.
   *
   * @throws IOException if the file cannot be read, is malformed or does not fit; the message names
   *     each wrong shape (expected and found), each missing and each unexpected tensor
   */
  void load(Path file) throws IOException;

  private List<String> layerNames() {
    return layers().stream().map(Layer::name).toList();
  }
}
