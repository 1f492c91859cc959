package dev.jconv.kernels;

/**
 * Inverted dropout masks drawn from a counter-based generator: the mask of element {@code i} of
 * example {@code e} in layer {@code l} depends only on (seed, l, e, i), so results do not depend on
 * how examples are spread over threads, and nothing is allocated.
 */
public final class Dropouts {
  private Dropouts() {}

  /** Fills {@code m[mo .. mo + n)} with 0 (probability {@code rate}) or {@code 1 / (1 - rate)}. */
  public static void mask(float[] m, int mo, int n, float rate, long seed, int layer, int example) {
    float keep = 1f / (1f - rate);
    long base = mix(mix(seed ^ 0x9E3779B97F4A7C15L * (layer + 1)) + example);
    for (int i = 0; i < n; i++) {
      double u = (mix(base + 0xBF58476D1CE4E5B9L * i) >>> 11) * 0x1.0p-53;
      m[mo + i] = u < rate ? 0f : keep;
    }
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
