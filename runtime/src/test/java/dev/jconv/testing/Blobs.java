package dev.jconv.testing;

import dev.jconv.data.ArrayDataset;
import java.util.SplittableRandom;

/**
 * Seeded toy data for {@link StatModel}: {@code classes} Gaussian blobs in {@code features} dims.
 */
public final class Blobs {
  private Blobs() {}

  /** {@code n} examples, class {@code i % classes}, centred on a class-specific corner. */
  public static ArrayDataset of(int n, int features, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * features];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int f = 0; f < features; f++) {
        double centre = f % classes == labels[i] ? 2 : 0;
        x[i * features + f] = (float) (centre + random.nextGaussian() * 0.5);
      }
    }
    return new ArrayDataset(x, labels, new int[] {features}, classes);
  }
}
