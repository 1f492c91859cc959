package dev.jconv.processor.model;

import java.util.Locale;

/** A kind of parameter tensor, by Keras's weight name. */
public enum ParamKind {
  /** A convolution's or Dense layer's kernel. */
  KERNEL,
  /** A bias. */
  BIAS,
  /** A depthwise convolution's kernel. */
  DEPTHWISE_KERNEL,
  /** A separable convolution's 1x1 kernel. */
  POINTWISE_KERNEL,
  /** BatchNormalization's scale. */
  GAMMA,
  /** BatchNormalization's shift. */
  BETA,
  /** BatchNormalization's moving mean (not trained). */
  MOVING_MEAN,
  /** BatchNormalization's moving variance (not trained). */
  MOVING_VARIANCE;

  /** Keras's name: {@code kernel}, {@code depthwise_kernel}, {@code moving_mean}, ... */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return kerasName();
  }
}
