package dev.jconv.augment;

/**
 * One random, label-preserving change to an image. Implementations are immutable and thread-safe;
 * all randomness comes from the {@link Rng} they are given, so the same seed gives the same image.
 */
public interface Transform {
  /**
   * Transforms the canvas's image in place (or through its spare buffer), drawing every random
   * choice from {@code rng}; allocates nothing.
   */
  void apply(Canvas canvas, Rng rng);

  /**
   * Fails with a clear message when this transform cannot handle images of {@code h x w x c} (for
   * example a colour transform on grey images); called once before any image is transformed.
   */
  default void check(int h, int w, int c) {}
}
