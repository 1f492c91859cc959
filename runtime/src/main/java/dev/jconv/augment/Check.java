package dev.jconv.augment;

/** Argument checks with messages that name the parameter, the value and what is expected. */
final class Check {
  private Check() {}

  static double probability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
    }
    return p;
  }

  /** A range {@code [lo, hi]} of finite values with {@code lo <= hi}. */
  static void range(String name, double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
      throw new IllegalArgumentException(
          name + " must be a finite range [lo, hi] with lo <= hi, got [" + lo + ", " + hi + "]");
    }
  }

  /** A range inside {@code [min, max]}. */
  static void range(String name, double lo, double hi, double min, double max) {
    range(name, lo, hi);
    if (lo < min || hi > max) {
      throw new IllegalArgumentException(
          name + " must lie in [" + min + ", " + max + "], got [" + lo + ", " + hi + "]");
    }
  }

  /** A non-negative finite value. */
  static double nonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
    return v;
  }
}
