package dev.jconv;

import dev.jconv.data.Dataset;
import dev.jconv.parallel.Parallel;
import java.util.Arrays;

/**
 * The checks and the batching behind {@link Model#features}: the layer is looked up by name and the
 * inputs are checked against the input shape before the generated {@link Model#featuresInto} runs.
 */
final class Features {
  /** Examples copied out of a data set at a time, so memory stays bounded on large sets. */
  private static final int CHUNK = 256;

  private Features() {}

  static float[] one(Model model, String layer, float[] hwc) {
    int index = index(model, layer);
    Checks.size(where(model, layer), "input", hwc.length, model.inputSize(), model.inputShape(), 1);
    float[] y = new float[model.layers().get(index).outputSize()];
    model.featuresInto(index, hwc, 0, y, 0);
    return y;
  }

  static void batch(Model model, String layer, float[] nhwc, int n, float[] out) {
    int index = index(model, layer);
    String where = where(model, layer);
    if (n < 0) {
      throw new IllegalArgumentException(where + ": n = " + n + " must not be negative");
    }
    Layer target = model.layers().get(index);
    Checks.size(where, "input", nhwc.length, model.inputSize(), model.inputShape(), n);
    Checks.size(where, "output", out.length, target.outputSize(), target.outputShape(), n);
    int in = model.inputSize();
    int size = target.outputSize();
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            model.featuresInto(index, nhwc, i * in, out, i * size);
          }
        });
  }

  static float[] all(Model model, String layer, Dataset data) {
    int index = index(model, layer);
    if (!Arrays.equals(data.shape(), model.inputShape())) {
      throw new IllegalArgumentException(
          where(model, layer)
              + ": the data set's examples have shape "
              + Arrays.toString(data.shape())
              + ", expected the input shape "
              + Arrays.toString(model.inputShape()));
    }
    int n = data.size();
    int in = model.inputSize();
    int size = model.layers().get(index).outputSize();
    float[] out = new float[Math.multiplyExact(n, size)];
    float[] x = new float[Math.multiplyExact(Math.min(n, CHUNK), in)];
    for (int start = 0; start < n; start += CHUNK) {
      int b = Math.min(CHUNK, n - start);
      for (int i = 0; i < b; i++) {
        data.copyExample(start + i, x, i * in);
      }
      int base = start;
      Parallel.forRange(
          b,
          (from, to) -> {
            for (int i = from; i < to; i++) {
              model.featuresInto(index, x, i * in, out, (base + i) * size);
            }
          });
    }
    return out;
  }

  /** The index of {@code layer} in {@link Model#layers()}; unknown names list the layers. */
  private static int index(Model model, String layer) {
    return model.layers().indexOf(model.layer(layer));
  }

  private static String where(Model model, String layer) {
    return model.name() + ".features(\"" + layer + "\")";
  }
}
