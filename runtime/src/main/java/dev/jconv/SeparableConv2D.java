package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Depthwise then pointwise convolution, Keras's {@code SeparableConv2D}: depthwise_kernel [kh, kw,
 * cin, depthMultiplier], pointwise_kernel [1, 1, cin * depthMultiplier, filters], bias.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SeparableConv2D {
  /** Number of output channels. */
  int filters();

  /** Kernel height and width: {@code 3} or {@code {3, 5}}. */
  int[] kernelSize();

  /** Strides: {@code 1} or {@code {sh, sw}}. */
  int[] strides() default 1;

  /** VALID or SAME. */
  Padding padding() default Padding.VALID;

  /** Depthwise output channels per input channel. */
  int depthMultiplier() default 1;

  /** Dilation rate: {@code 1} or {@code {dh, dw}}. */
  int[] dilationRate() default 1;

  /** Activation applied to the output, fused into the layer. */
  Activation.Fn activation() default Activation.Fn.LINEAR;

  /** Whether the layer adds a bias vector. */
  boolean useBias() default true;

  /**
   * Keras's {@code trainable}: {@code false} starts the layer frozen, so the optimizer leaves its
   * parameters alone until {@link Layer#unfreeze()}.
   */
  boolean trainable() default true;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
