package dev.jconv.examples;

import dev.jconv.data.ArrayDataset;
import dev.jconv.data.Dataset;

/**
 * Per-image standardisation, channel by channel: each channel of each image is shifted to mean 0
 * and scaled to standard deviation 1, as {@code tf.image.per_image_standardization} does for the
 * whole image. On the shapes data this removes the random background colour and contrast, so the
 * seed network (which has no batch normalization) starts learning the shapes at once instead of
 * sitting at chance for hundreds of steps.
 */
public final class Standardize {
  private Standardize() {}

  /** Standardises {@code hwc} (an image of {@code channels} interleaved channels) in place. */
  public static void perImage(float[] hwc, int offset, int length, int channels) {
    int pixels = length / channels;
    // The floor of tf.image.per_image_standardization: a flat image is not blown up.
    double minStd = 1 / Math.sqrt(length);
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      for (int k = offset + c; k < offset + length; k += channels) {
        sum += hwc[k];
      }
      double mean = sum / pixels;
      double squares = 0;
      for (int k = offset + c; k < offset + length; k += channels) {
        double d = hwc[k] - mean;
        squares += d * d;
      }
      double scale = 1 / Math.max(Math.sqrt(squares / pixels), minStd);
      for (int k = offset + c; k < offset + length; k += channels) {
        hwc[k] = (float) ((hwc[k] - mean) * scale);
      }
    }
  }

  /** A standardised copy of {@code data} in memory. */
  public static ArrayDataset perImage(Dataset data) {
    ArrayDataset copy = ArrayDataset.copyOf(data);
    float[] x = copy == data ? copy.features().clone() : copy.features();
    int e = data.exampleSize();
    int[] shape = data.shape();
    for (int i = 0; i < data.size(); i++) {
      perImage(x, i * e, e, shape[shape.length - 1]);
    }
    return new ArrayDataset(x, copy.labels().clone(), shape, copy.classNames());
  }
}
