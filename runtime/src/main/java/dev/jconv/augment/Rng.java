package dev.jconv.augment;

/**
 * A small, reseedable SplitMix64 generator: one per worker thread, reseeded per example, so an
 * example's random draws depend only on its seed and never on which thread runs it.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  /** A generator starting at {@code seed}. */
  public Rng(long seed) {
    reseed(seed);
  }

  /** Restarts the sequence at {@code seed}. */
  public void reseed(long seed) {
    state = seed;
    hasSpare = false;
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in {@code [0, 1)}. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in {@code [lo, hi)}; exactly {@code lo} when {@code lo == hi}. */
  public double uniform(double lo, double hi) {
    double u = nextDouble();
    return lo == hi ? lo : lo + (hi - lo) * u;
  }

  /** Uniform integer in {@code [lo, hi]} (both inclusive). */
  public int nextInt(int lo, int hi) {
    long span = (long) hi - lo + 1;
    return (int) (lo + Math.floorMod(nextLong(), span));
  }

  /** Standard normal (Box-Muller; the second value of each pair is kept for the next call). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u1 = 1 - nextDouble(); // (0, 1]: the logarithm stays finite
    double u2 = nextDouble();
    double r = Math.sqrt(-2 * Math.log(u1));
    spareGaussian = r * Math.sin(2 * Math.PI * u2);
    hasSpare = true;
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** The SplitMix64 finaliser: a bijective scramble of 64 bits. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed for item {@code index} of a stream seeded {@code seed} (examples of a batch, steps). */
  public static long derive(long seed, long index) {
    return mix(mix(seed) + GOLDEN * (index + 1));
  }
}
