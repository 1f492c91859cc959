package dev.jconv.augment;

/**
 * A general random affine map about the image centre, as torchvision's {@code RandomAffine}:
 * rotation (degrees, counter-clockwise), translation (fractions of width and height), scale and
 * shear (degrees), composed as translate * rotate * shear * scale. Fill CONSTANT 0 by default.
 */
public final class Affine extends Geometric<Affine> {
  private final double[] p; // degLo, degHi, tx, ty, scaleLo, scaleHi, shxLo, shxHi, shyLo, shyHi

  private Affine(double[] p, GeometryOptions options) {
    super(options);
    Check.range("degrees", p[0], p[1]);
    Check.range("translate", 0, p[2], 0, 1);
    Check.range("translate", 0, p[3], 0, 1);
    Check.range("scale", p[4], p[5], 1e-3, Double.MAX_VALUE);
    Check.range("x shear", p[6], p[7], -80, 80);
    Check.range("y shear", p[8], p[9], -80, 80);
    this.p = p;
  }

  /** Rotation by up to {@code degrees} either way; nothing else until the setters add it. */
  public static Affine degrees(double degrees) {
    double d = Math.abs(degrees);
    return new Affine(new double[] {-d, d, 0, 0, 1, 1, 0, 0, 0, 0}, GeometryOptions.TORCH);
  }

  /** Also shifts by up to {@code width * w} columns and {@code height * h} rows either way. */
  public Affine translate(double width, double height) {
    return set(2, Math.abs(width), Math.abs(height));
  }

  /** Also scales by a factor in {@code [lo, hi]} (above 1 enlarges the content). */
  public Affine scale(double lo, double hi) {
    return set(4, lo, hi);
  }

  /** Also shears along x by up to {@code degrees} either way. */
  public Affine shear(double degrees) {
    double d = Math.abs(degrees);
    return set(6, -d, d);
  }

  /** Also shears along x in {@code [xLo, xHi]} and along y in {@code [yLo, yHi]} degrees. */
  public Affine shear(double xLo, double xHi, double yLo, double yHi) {
    return set(6, xLo, xHi).set(8, yLo, yHi);
  }

  private Affine set(int at, double a, double b) {
    double[] q = p.clone();
    q[at] = a;
    q[at + 1] = b;
    return new Affine(q, options);
  }

  @Override
  Affine with(GeometryOptions options) {
    return new Affine(p, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    int h = canvas.height();
    int w = canvas.width();
    double angle = Math.toRadians(rng.uniform(p[0], p[1]));
    double tx = rng.uniform(-p[2], p[2]) * w;
    double ty = rng.uniform(-p[3], p[3]) * h;
    double s = rng.uniform(p[4], p[5]);
    double a = Math.tan(Math.toRadians(rng.uniform(p[6], p[7])));
    double b = Math.tan(Math.toRadians(rng.uniform(p[8], p[9])));
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    // Forward linear part R * S * Z: R turns counter-clockwise on screen (rows grow downwards),
    // S = [1 a; 0 1][1 0; b 1], Z = s * I.
    double s00 = (1 + a * b) * s;
    double s01 = a * s;
    double s10 = b * s;
    double s11 = s;
    Matrices.aboutCentre(
        m,
        cos * s00 + sin * s10,
        cos * s01 + sin * s11,
        -sin * s00 + cos * s10,
        -sin * s01 + cos * s11,
        centre(w),
        centre(h),
        tx,
        ty);
    return Matrices.invert(m);
  }
}
