package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** 2-D convolution, Keras's {@code Conv2D}: kernel [kh, kw, cin, filters] plus bias. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv2D {
  /** Number of output channels. */
  int filters();

  /** Kernel height and width: {@code 3} or {@code {3, 5}}. */
  int[] kernelSize();

  /** Strides: {@code 1} or {@code {sh, sw}}. */
  int[] strides() default 1;

  /** VALID or SAME. */
  Padding padding() default Padding.VALID;

  /** Dilation rate: {@code 1} or {@code {dh, dw}}; strides must be 1 when dilation is not. */
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
