package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly brightens or darkens each training image, Keras's {@code RandomBrightness}: adds {@code
 * f * (high - low)} of the value range to every value, {@code f} drawn from the factor (one value
 * {@code f} means {@code [-f, f]}, two mean {@code [lower, upper]}, within [-1, 1]), then clips to
 * the range. The identity at inference and in {@code predict}; it must sit at the network input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomBrightness {
  /** {@code 0.2} or {@code {-0.1, 0.3}}. */
  double[] factor();

  /** The range of the input values, {@code {low, high}}; Keras's default is {@code {0, 255}}. */
  double[] valueRange() default {0, 255};

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
