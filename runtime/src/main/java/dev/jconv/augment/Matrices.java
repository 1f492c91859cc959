package dev.jconv.augment;

/**
 * 3x3 row-major matrices of homogeneous 2-D pixel coordinates {@code (x, y, 1)}, x the column and y
 * the row index, as geometric transforms build them; no allocation.
 */
final class Matrices {
  private static final double SNAP = 1e-12;

  private Matrices() {}

  /** Sets {@code m} to the affine map {@code (a x + b y + c, d x + e y + f)}. */
  static void affine(double[] m, double a, double b, double c, double d, double e, double f) {
    m[0] = a;
    m[1] = b;
    m[2] = c;
    m[3] = d;
    m[4] = e;
    m[5] = f;
    m[6] = 0;
    m[7] = 0;
    m[8] = 1;
  }

  /**
   * Sets {@code m} to the map that applies the 2x2 linear part {@code [a b; d e]} about the image
   * centre {@code (cx, cy)} and then translates by {@code (tx, ty)}.
   */
  static void aboutCentre(
      double[] m,
      double a,
      double b,
      double d,
      double e,
      double cx,
      double cy,
      double tx,
      double ty) {
    affine(m, a, b, cx + tx - a * cx - b * cy, d, e, cy + ty - d * cx - e * cy);
  }

  /** Inverts {@code m} in place; false (and {@code m} unchanged) when it is singular. */
  static boolean invert(double[] m) {
    double c00 = m[4] * m[8] - m[5] * m[7];
    double c01 = m[5] * m[6] - m[3] * m[8];
    double c02 = m[3] * m[7] - m[4] * m[6];
    double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
    if (!(Math.abs(det) > 1e-300) || !Double.isFinite(det)) {
      return false;
    }
    double r = 1 / det;
    double i01 = (m[2] * m[7] - m[1] * m[8]) * r;
    double i02 = (m[1] * m[5] - m[2] * m[4]) * r;
    double i11 = (m[0] * m[8] - m[2] * m[6]) * r;
    double i12 = (m[2] * m[3] - m[0] * m[5]) * r;
    double i21 = (m[1] * m[6] - m[0] * m[7]) * r;
    double i22 = (m[0] * m[4] - m[1] * m[3]) * r;
    m[0] = c00 * r;
    m[1] = i01;
    m[2] = i02;
    m[3] = c01 * r;
    m[4] = i11;
    m[5] = i12;
    m[6] = c02 * r;
    m[7] = i21;
    m[8] = i22;
    return true;
  }

  /**
   * Rounds entries within 1e-12 of an integer to it, so that maps which are exact in real numbers
   * (a 90-degree rotation: cos = 6e-17 in doubles) read pixels exactly instead of blending.
   */
  static void snap(double[] m) {
    for (int i = 0; i < 9; i++) {
      double r = Math.rint(m[i]);
      if (Math.abs(m[i] - r) < SNAP) {
        m[i] = r;
      }
    }
  }

  /** Whether {@code m} is exactly the identity. */
  static boolean isIdentity(double[] m) {
    return m[0] == 1 && m[1] == 0 && m[2] == 0 && m[3] == 0 && m[4] == 1 && m[5] == 0 && m[6] == 0
        && m[7] == 0 && m[8] == 1;
  }
}
