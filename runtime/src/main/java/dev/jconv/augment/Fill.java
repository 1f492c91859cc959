package dev.jconv.augment;

/**
 * How geometric transforms fill pixels that come from outside the image, with Keras's names and
 * meaning (for input {@code a b c d}).
 */
public enum Fill {
  /** {@code k k k k | a b c d | k k k k}: a constant value (the transform's fill value). */
  CONSTANT,
  /** {@code a a a a | a b c d | d d d d}: the nearest edge pixel. */
  NEAREST,
  /** {@code d c b a | a b c d | d c b a}: mirrored about the edge, edge pixel repeated (Keras). */
  REFLECT,
  /** {@code a b c d | a b c d | a b c d}: the image tiled. */
  WRAP;

  /**
   * The in-image index that index {@code i} of an axis of {@code n} pixels reads, or -1 for the
   * constant fill value.
   */
  int index(int i, int n) {
    if (i >= 0 && i < n) {
      return i;
    }
    switch (this) {
      case CONSTANT:
        return -1;
      case NEAREST:
        return i < 0 ? 0 : n - 1;
      case REFLECT:
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
      case WRAP:
        return Math.floorMod(i, n);
      default:
        throw new AssertionError(this);
    }
  }
}
