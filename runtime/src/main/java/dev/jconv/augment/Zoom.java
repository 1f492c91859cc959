package dev.jconv.augment;

/**
 * Zooms images about their centre, as Keras's {@code RandomZoom}: a factor {@code z} samples a
 * region {@code 1 + z} times the image, so positive zooms out and negative zooms in; without a
 * width range both axes use the same zoom (the aspect ratio is kept). Fill REFLECT by default.
 */
public final class Zoom extends Geometric<Zoom> {
  private final double heightLo;
  private final double heightHi;
  private final double widthLo;
  private final double widthHi;
  private final boolean keepAspect;

  private Zoom(
      double hLo, double hHi, double wLo, double wHi, boolean keepAspect, GeometryOptions options) {
    super(options);
    Check.range("heightFactor", hLo, hHi, -0.999, Double.MAX_VALUE);
    Check.range("widthFactor", wLo, wHi, -0.999, Double.MAX_VALUE);
    this.heightLo = hLo;
    this.heightHi = hHi;
    this.widthLo = wLo;
    this.widthHi = wHi;
    this.keepAspect = keepAspect;
  }

  /** Zooms in or out by up to {@code factor} ({@code 0.2}: between 80% and 120%), aspect kept. */
  public static Zoom of(double factor) {
    double f = Math.abs(factor);
    return of(-f, f);
  }

  /** Zooms by a factor in {@code [lo, hi]} on both axes alike. */
  public static Zoom of(double lo, double hi) {
    return new Zoom(lo, hi, lo, hi, true, GeometryOptions.KERAS);
  }

  /** Zooms each axis independently, height by {@code [hLo, hHi]}, width by {@code [wLo, wHi]}. */
  public static Zoom of(double hLo, double hHi, double wLo, double wHi) {
    return new Zoom(hLo, hHi, wLo, wHi, false, GeometryOptions.KERAS);
  }

  @Override
  Zoom with(GeometryOptions options) {
    return new Zoom(heightLo, heightHi, widthLo, widthHi, keepAspect, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    inverseMap(rng, canvas, m, heightLo, heightHi, widthLo, widthHi, keepAspect);
    return true;
  }

  /** Draws a zoom in the given ranges into {@code m}; shared with the RandomZoom layer. */
  static void inverseMap(
      Rng rng,
      Canvas canvas,
      double[] m,
      double hLo,
      double hHi,
      double wLo,
      double wHi,
      boolean keepAspect) {
    double zy = 1 + rng.uniform(hLo, hHi);
    double zx = keepAspect ? zy : 1 + rng.uniform(wLo, wHi);
    Matrices.aboutCentre(m, zx, 0, 0, zy, centre(canvas.width()), centre(canvas.height()), 0, 0);
  }
}
