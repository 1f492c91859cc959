package dev.jconv.augment;

/**
 * Applies a random gamma curve, as torchvision's {@code adjust_gamma}: values are mapped to [0, 1]
 * through the value range, raised to {@code gamma} in {@code [lo, hi]} (below 1 brightens the
 * shadows), and mapped back.
 */
public final class Gamma extends Photometric<Gamma> {
  private final double gammaLo;
  private final double gammaHi;

  private Gamma(double gammaLo, double gammaHi, double p, float lo, float hi) {
    super(p, lo, hi);
    Check.range("gamma", gammaLo, gammaHi, 1e-3, 1e3);
    if (!Float.isFinite(hi - lo)) {
      throw new IllegalArgumentException(
          "Gamma needs a finite value range, got [" + lo + ", " + hi + "]");
    }
    this.gammaLo = gammaLo;
    this.gammaHi = gammaHi;
  }

  /** A gamma in {@code [lo, hi]} (for example {@code 0.7, 1.5}). */
  public static Gamma of(double lo, double hi) {
    return new Gamma(lo, hi, 1, 0, 1);
  }

  @Override
  Gamma with(double p, float lo, float hi) {
    return new Gamma(gammaLo, gammaHi, p, lo, hi);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    double gamma = rng.uniform(gammaLo, gammaHi);
    if (gamma == 1) {
      return;
    }
    float[] p = canvas.pixels();
    double range = (double) hi - lo;
    for (int i = 0, n = canvas.size(); i < n; i++) {
      double u = (clip(p[i]) - lo) / range;
      p[i] = clip((float) (lo + range * Math.pow(u, gamma)));
    }
  }
}
