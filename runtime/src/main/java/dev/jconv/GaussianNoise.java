package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds zero-mean normal noise to every value of each training example, Keras's {@code
 * GaussianNoise} (not clipped). The identity at inference and in {@code predict}; it must sit at
 * the network input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GaussianNoise {
  /** The standard deviation of the noise, at least 0. */
  double stddev();

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
