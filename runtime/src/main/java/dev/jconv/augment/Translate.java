package dev.jconv.augment;

/**
 * Shifts images by a random fraction of their height and width, as Keras's {@code
 * RandomTranslation}: a positive shift moves content down and right; fill REFLECT by default.
 */
public final class Translate extends Geometric<Translate> {
  private final double heightLo;
  private final double heightHi;
  private final double widthLo;
  private final double widthHi;

  private Translate(double hLo, double hHi, double wLo, double wHi, GeometryOptions options) {
    super(options);
    Check.range("heightFactor", hLo, hHi, -1, 1);
    Check.range("widthFactor", wLo, wHi, -1, 1);
    this.heightLo = hLo;
    this.heightHi = hHi;
    this.widthLo = wLo;
    this.widthHi = wHi;
  }

  /**
   * Shifts by up to {@code heightFactor * h} rows and {@code widthFactor * w} columns either way.
   */
  public static Translate of(double heightFactor, double widthFactor) {
    double h = Math.abs(heightFactor);
    double w = Math.abs(widthFactor);
    return of(-h, h, -w, w);
  }

  /**
   * Shifts by a fraction of the height in {@code [hLo, hHi]} and of the width in {@code [wLo,
   * wHi]}.
   */
  public static Translate of(double hLo, double hHi, double wLo, double wHi) {
    return new Translate(hLo, hHi, wLo, wHi, GeometryOptions.KERAS);
  }

  @Override
  Translate with(GeometryOptions options) {
    return new Translate(heightLo, heightHi, widthLo, widthHi, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    inverseMap(rng, canvas, m, heightLo, heightHi, widthLo, widthHi);
    return true;
  }

  /** Draws a shift in the given ranges into {@code m}; shared with the RandomTranslation layer. */
  static void inverseMap(
      Rng rng, Canvas canvas, double[] m, double hLo, double hHi, double wLo, double wHi) {
    double dy = rng.uniform(hLo, hHi) * canvas.height();
    double dx = rng.uniform(wLo, wHi) * canvas.width();
    Matrices.affine(m, 1, 0, -dx, 0, 1, -dy);
  }
}
