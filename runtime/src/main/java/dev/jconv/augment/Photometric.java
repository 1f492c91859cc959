package dev.jconv.augment;

/**
 * A photometric transform: it changes pixel values, not positions, and clips its results to the
 * value range (default {@code [0, 1]}, the range of jconv's image readers).
 *
 * @param <T> the concrete transform, so the option setters return it
 */
public abstract class Photometric<T extends Photometric<T>> implements Transform {
  final double probability;
  final float lo;
  final float hi;

  Photometric(double probability, float lo, float hi) {
    this.probability = Check.probability(probability);
    if (!(lo < hi)) {
      throw new IllegalArgumentException(
          "value range must have lo < hi, got [" + lo + ", " + hi + "]");
    }
    this.lo = lo;
    this.hi = hi;
  }

  /** A copy with other options. */
  abstract T with(double probability, float lo, float hi);

  /** Changes the canvas's image in place, drawing from {@code rng}. */
  abstract void adjust(Canvas canvas, Rng rng);

  /** The same transform applied to each example with probability {@code p}. */
  public T probability(double p) {
    return with(p, lo, hi);
  }

  /**
   * The same transform for pixel values in {@code [lo, hi]} (for example {@code [0, 255]}, or
   * infinite bounds to disable clipping), as Keras's {@code value_range}.
   */
  public T valueRange(float lo, float hi) {
    return with(probability, lo, hi);
  }

  @Override
  public final void apply(Canvas canvas, Rng rng) {
    if (rng.nextDouble() < probability) {
      adjust(canvas, rng);
    }
  }

  final float clip(float v) {
    return clip(v, lo, hi);
  }

  static float clip(float v, float lo, float hi) {
    return v < lo ? lo : v > hi ? hi : v;
  }

  /** Fails unless the images have 3 (RGB) channels. */
  static void checkColour(String name, int h, int w, int c) {
    if (c != 3) {
      throw new IllegalArgumentException(
          name + " needs RGB images (3 channels), but these are " + h + "x" + w + "x" + c);
    }
  }
}
