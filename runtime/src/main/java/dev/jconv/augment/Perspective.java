package dev.jconv.augment;

/**
 * A random perspective distortion, as torchvision's {@code RandomPerspective(distortion_scale)}:
 * each corner of the output shows a point of the input moved inwards by up to {@code scale} times
 * half the image, and the projective map through the four corner pairs is applied with bilinear
 * sampling. Applied with probability 0.5 and fill CONSTANT 0 by default.
 */
public final class Perspective extends Geometric<Perspective> {
  private final double scale;

  private Perspective(double scale, GeometryOptions options) {
    super(options);
    Check.range("distortion scale", 0, scale, 0, 1);
    this.scale = scale;
  }

  /** Corners move inwards by up to {@code distortionScale} (in [0, 1]) of half the image. */
  public static Perspective of(double distortionScale) {
    return new Perspective(distortionScale, GeometryOptions.TORCH.withProbability(0.5));
  }

  @Override
  Perspective with(GeometryOptions options) {
    return new Perspective(scale, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    double r = canvas.width() - 1;
    double b = canvas.height() - 1;
    double dx = scale * r / 2;
    double dy = scale * b / 2;
    double[] s = canvas.system();
    // The output's corners (moved inwards) must read the input's corners.
    corner(s, 0, rng.uniform(0, dx), rng.uniform(0, dy), 0, 0);
    corner(s, 1, r - rng.uniform(0, dx), rng.uniform(0, dy), r, 0);
    corner(s, 2, r - rng.uniform(0, dx), b - rng.uniform(0, dy), r, b);
    corner(s, 3, rng.uniform(0, dx), b - rng.uniform(0, dy), 0, b);
    if (!solve(s)) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      m[i] = s[i * 9 + 8];
    }
    m[8] = 1;
    return true;
  }

  /** Two rows of the system {@code u = (a x + b y + c) / (g x + h y + 1)}, likewise v. */
  static void corner(double[] s, int k, double x, double y, double u, double v) {
    int o = 2 * k * 9;
    java.util.Arrays.fill(s, o, o + 18, 0);
    s[o] = x;
    s[o + 1] = y;
    s[o + 2] = 1;
    s[o + 6] = -x * u;
    s[o + 7] = -y * u;
    s[o + 8] = u;
    s[o + 12] = x;
    s[o + 13] = y;
    s[o + 14] = 1;
    s[o + 15] = -x * v;
    s[o + 16] = -y * v;
    s[o + 17] = v;
  }

  /** Gauss-Jordan elimination with partial pivoting on the 8x9 augmented matrix, in place. */
  static boolean solve(double[] s) {
    for (int col = 0; col < 8; col++) {
      int pivot = col;
      for (int row = col + 1; row < 8; row++) {
        if (Math.abs(s[row * 9 + col]) > Math.abs(s[pivot * 9 + col])) {
          pivot = row;
        }
      }
      if (Math.abs(s[pivot * 9 + col]) < 1e-12) {
        return false;
      }
      for (int k = 0; k < 9; k++) {
        double t = s[col * 9 + k];
        s[col * 9 + k] = s[pivot * 9 + k];
        s[pivot * 9 + k] = t;
      }
      double inv = 1 / s[col * 9 + col];
      for (int k = 0; k < 9; k++) {
        s[col * 9 + k] *= inv;
      }
      for (int row = 0; row < 8; row++) {
        double f = s[row * 9 + col];
        if (row != col && f != 0) {
          for (int k = 0; k < 9; k++) {
            s[row * 9 + k] -= f * s[col * 9 + k];
          }
        }
      }
    }
    return true;
  }
}
