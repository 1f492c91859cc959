package com.example.shapes;

import dev.jconv.data.ArrayDataset;
import java.util.Random;

/** Generated 12x12 images: class 0 horizontal stripes, 1 vertical stripes, 2 dots; with noise. */
public final class Stripes {
  private Stripes() {}

  /** {@code n} seeded examples, classes in turn. */
  public static ArrayDataset make(int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * 144];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      int phase = random.nextInt(2);
      for (int r = 0; r < 12; r++) {
        for (int c = 0; c < 12; c++) {
          boolean on =
              switch (labels[i]) {
                case 0 -> r % 2 == phase;
                case 1 -> c % 2 == phase;
                default -> r % 3 == phase && c % 3 == phase;
              };
          x[i * 144 + r * 12 + c] = (on ? 1f : 0f) + 0.1f * (float) random.nextGaussian();
        }
      }
    }
    return new ArrayDataset(x, labels, new int[] {12, 12, 1}, 3);
  }
}
