package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalization over the channel axis, Keras's {@code BatchNormalization}: gamma and beta
 * (trainable), moving_mean and moving_variance (not trainable).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNormalization {
  /** Moving-average momentum, in [0, 1]. */
  double momentum() default 0.99;

  /** Added to the variance; positive. */
  double epsilon() default 0.001;

  /** Whether to learn the offset beta. */
  boolean center() default true;

  /** Whether to learn the scale gamma ({@code false} drops gamma, as InceptionV3 does). */
  boolean scale() default true;

  /**
   * Keras's {@code trainable}: {@code false} starts the layer frozen, so the optimizer leaves its
   * parameters alone until {@link Layer#unfreeze()}; while frozen it also trains in inference mode,
   * as in Keras: it normalises with the moving statistics and does not update them.
   */
  boolean trainable() default true;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
