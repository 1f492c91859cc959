package dev.jconv.augment;

/** How geometric transforms read the input between pixel centres (Keras's two modes). */
public enum Interpolation {
  /** The weighted mean of the four surrounding pixels. */
  BILINEAR,
  /** The closest pixel. */
  NEAREST
}
