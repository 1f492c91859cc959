package dev.jconv.augment;

/**
 * A geometric transform: it draws an inverse map for the example (output pixel to input point) and
 * resamples the image through it once, with the fill mode and interpolation of its options.
 *
 * @param <T> the concrete transform, so the option setters return it
 */
public abstract class Geometric<T extends Geometric<T>> implements Transform {
  final GeometryOptions options;

  Geometric(GeometryOptions options) {
    this.options = options;
  }

  /** A copy with other options. */
  abstract T with(GeometryOptions options);

  /**
   * Writes the inverse map of this example into {@code m} (3x3, row-major); false when the example
   * is left as it is.
   */
  abstract boolean inverseMap(Rng rng, Canvas canvas, double[] m);

  /** The same transform applied to each example with probability {@code p}. */
  public T probability(double p) {
    return with(options.withProbability(p));
  }

  /** The same transform filling outside pixels by {@code mode} (constant value 0). */
  public T fill(Fill mode) {
    return with(options.withFill(mode, 0));
  }

  /** The same transform filling outside pixels by {@code mode}, {@code value} for CONSTANT. */
  public T fill(Fill mode, float value) {
    return with(options.withFill(mode, value));
  }

  /** The same transform sampling with {@code interpolation}. */
  public T interpolation(Interpolation interpolation) {
    return with(options.withInterpolation(interpolation));
  }

  @Override
  public final void apply(Canvas canvas, Rng rng) {
    if (rng.nextDouble() >= options.probability()) {
      return;
    }
    double[] m = canvas.matrix();
    if (inverseMap(rng, canvas, m)) {
      Warp.apply(canvas, m, options.fill(), options.fillValue(), options.interpolation());
    }
  }

  static double centre(int n) {
    return (n - 1) / 2.0;
  }
}
