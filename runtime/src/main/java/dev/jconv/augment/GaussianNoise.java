package dev.jconv.augment;

/**
 * Adds independent normal noise of standard deviation {@code stddev} to every value, as Keras's
 * {@code GaussianNoise}, then clips to the value range (Keras's layer does not clip; use infinite
 * {@link #valueRange} bounds for that).
 */
public final class GaussianNoise extends Photometric<GaussianNoise> {
  private final double stddev;

  private GaussianNoise(double stddev, double p, float lo, float hi) {
    super(p, lo, hi);
    this.stddev = Check.nonNegative("stddev", stddev);
  }

  /** Noise of standard deviation {@code stddev}. */
  public static GaussianNoise of(double stddev) {
    return new GaussianNoise(stddev, 1, 0, 1);
  }

  @Override
  GaussianNoise with(double p, float lo, float hi) {
    return new GaussianNoise(stddev, p, lo, hi);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    adjust(canvas, rng, stddev, lo, hi);
  }

  /**
   * Adds N(0, stddev) to every value, clipped to {@code [lo, hi]} (infinite bounds: not clipped);
   * nothing at all when {@code stddev} is 0. Shared with the GaussianNoise layer.
   */
  static void adjust(Canvas canvas, Rng rng, double stddev, float lo, float hi) {
    if (stddev == 0) {
      return;
    }
    float[] p = canvas.pixels();
    for (int i = 0, n = canvas.size(); i < n; i++) {
      p[i] = clip((float) (p[i] + stddev * rng.nextGaussian()), lo, hi);
    }
  }
}
