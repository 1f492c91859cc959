package dev.jconv.augment;

/**
 * Shears images about their centre by random angles (degrees): an x-shear of angle a moves row y by
 * {@code tan(a) * (y - cy)} columns, a y-shear of angle b moves column x by {@code tan(b) * (x -
 * cx)} rows. Fill REFLECT by default.
 */
public final class Shear extends Geometric<Shear> {
  private final double xLo;
  private final double xHi;
  private final double yLo;
  private final double yHi;

  private Shear(double xLo, double xHi, double yLo, double yHi, GeometryOptions options) {
    super(options);
    Check.range("x shear (degrees)", xLo, xHi, -80, 80);
    Check.range("y shear (degrees)", yLo, yHi, -80, 80);
    this.xLo = xLo;
    this.xHi = xHi;
    this.yLo = yLo;
    this.yHi = yHi;
  }

  /** An x-shear of up to {@code degrees} either way, as torchvision's {@code shear=degrees}. */
  public static Shear degrees(double degrees) {
    double d = Math.abs(degrees);
    return degrees(-d, d, 0, 0);
  }

  /** An x-shear in {@code [xLo, xHi]} then a y-shear in {@code [yLo, yHi]} degrees. */
  public static Shear degrees(double xLo, double xHi, double yLo, double yHi) {
    return new Shear(xLo, xHi, yLo, yHi, GeometryOptions.KERAS);
  }

  @Override
  Shear with(GeometryOptions options) {
    return new Shear(xLo, xHi, yLo, yHi, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    double a = Math.tan(Math.toRadians(rng.uniform(xLo, xHi)));
    double b = Math.tan(Math.toRadians(rng.uniform(yLo, yHi)));
    // [1 a; 0 1] [1 0; b 1] has determinant 1 for any angles, so it is always invertible.
    Matrices.aboutCentre(
        m, 1 + a * b, a, b, 1, centre(canvas.width()), centre(canvas.height()), 0, 0);
    return Matrices.invert(m);
  }
}
