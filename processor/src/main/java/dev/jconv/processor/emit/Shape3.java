package dev.jconv.processor.emit;

import dev.jconv.processor.model.Shape;

/** An image shape as three ints, or a vector of n as (1, 1, n), so emitters index uniformly. */
public record Shape3(int h, int w, int c) {
  /** The shape as three ints. */
  public static Shape3 of(Shape s) {
    return s.isImage() ? new Shape3(s.h(), s.w(), s.c()) : new Shape3(1, 1, s.dim(0));
  }

  /** Number of elements. */
  public int size() {
    return h * w * c;
  }

  /** Number of pixels (h * w). */
  public int pixels() {
    return h * w;
  }
}
