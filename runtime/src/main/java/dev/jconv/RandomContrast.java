package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly changes the contrast of each training image, Keras's {@code RandomContrast}: per
 * channel, {@code (x - mean) * f + mean} with the channel's mean over the image and {@code f} drawn
 * from {@code [1 - lower, 1 + upper]}, then clipped to {@code valueRange}. The identity at
 * inference and in {@code predict}; it must sit at the network input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomContrast {
  /** {@code f} (lower = upper = f, in [0, 1]) or {@code {lower, upper}}. */
  double[] factor();

  /** The range of the input values, {@code {low, high}}; Keras's default is {@code {0, 255}}. */
  double[] valueRange() default {0, 255};

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
