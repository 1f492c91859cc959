package dev.jconv.examples;

import dev.jconv.augment.Canvas;
import dev.jconv.augment.Rng;
import dev.jconv.augment.Transform;

/**
 * The demo's own transform: turns a square image by 0, 1, 2 or 3 quarter turns counter-clockwise,
 * each equally likely. Pixels are moved, never resampled; with random flips it gives all eight
 * symmetries of the square, each of which keeps a shape's class.
 */
final class DemoQuarterTurns implements Transform {
  @Override
  public void check(int h, int w, int c) {
    if (h != w) {
      throw new IllegalArgumentException("quarter turns need square images, got " + h + "x" + w);
    }
  }

  @Override
  public void apply(Canvas canvas, Rng rng) {
    int turns = rng.nextInt(0, 3);
    for (int t = 0; t < turns; t++) {
      turn(canvas.pixels(), canvas.spare(), canvas.width(), canvas.channels());
      canvas.swap();
    }
  }

  /**
   * One quarter turn counter-clockwise of the n x n image: the right column becomes the top row.
   */
  static void turn(float[] src, float[] dst, int n, int c) {
    for (int r = 0; r < n; r++) {
      for (int col = 0; col < n; col++) {
        System.arraycopy(src, (col * n + n - 1 - r) * c, dst, (r * n + col) * c, c);
      }
    }
  }
}
