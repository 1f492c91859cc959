package dev.jconv.augment;

/**
 * Rotates images about their centre by a random angle, as Keras's {@code RandomRotation}: the
 * factor is a fraction of a full turn, positive is counter-clockwise; fill REFLECT by default.
 */
public final class Rotate extends Geometric<Rotate> {
  private final double lo;
  private final double hi;

  private Rotate(double lo, double hi, GeometryOptions options) {
    super(options);
    Check.range("factor", lo, hi);
    this.lo = lo;
    this.hi = hi;
  }

  /**
   * Rotates by up to {@code factor * 360} degrees either way ({@code factor = 0.1}: 36 degrees).
   */
  public static Rotate of(double factor) {
    double f = Math.abs(factor);
    return of(-f, f);
  }

  /** Rotates by a fraction of a turn in {@code [lo, hi]}. */
  public static Rotate of(double lo, double hi) {
    return new Rotate(lo, hi, GeometryOptions.KERAS);
  }

  /** Rotates by up to {@code degrees} either way. */
  public static Rotate degrees(double degrees) {
    return of(degrees / 360);
  }

  @Override
  Rotate with(GeometryOptions options) {
    return new Rotate(lo, hi, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    inverseMap(rng, canvas, m, lo, hi);
    return true;
  }

  /** Draws a turn in {@code [lo, hi]} into {@code m}; shared with the RandomRotation layer. */
  static void inverseMap(Rng rng, Canvas canvas, double[] m, double lo, double hi) {
    double angle = rng.uniform(lo, hi) * 2 * Math.PI;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    // Rows grow downwards, so a counter-clockwise turn on screen maps output back by [c -s; s c].
    Matrices.aboutCentre(
        m, cos, -sin, sin, cos, centre(canvas.width()), centre(canvas.height()), 0, 0);
  }
}
