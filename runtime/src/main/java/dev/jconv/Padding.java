package dev.jconv;

/** Padding mode of convolution and pooling layers, as Keras's {@code padding="valid"|"same"}. */
public enum Padding {
  /** No padding: the window stays inside the input; output = floor((in - window) / stride) + 1. */
  VALID,
  /**
   * Zero padding so that output = ceil(in / stride); an odd total pad puts the extra row or column
   * at the bottom or right, as TensorFlow does.
   */
  SAME
}
