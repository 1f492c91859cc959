package dev.jconv.processor.codegen;

import dev.jconv.processor.model.Shape;

/** An image shape as three ints, or a vector of n as (1, 1, n), so emitters index uniformly. */
record Shape3(int h, int w, int c) {
  static Shape3 of(Shape s) {
    return s.isImage() ? new Shape3(s.h(), s.w(), s.c()) : new Shape3(1, 1, s.dim(0));
  }

  int size() {
    return h * w * c;
  }
}
