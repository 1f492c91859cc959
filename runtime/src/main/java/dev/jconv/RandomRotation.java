package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly rotates each training image about its centre, Keras's {@code RandomRotation}: by a
 * fraction of a full turn in {@code factor} (one value {@code f} means {@code [-f, f]}, two mean
 * {@code [lower, upper]}; positive is counter-clockwise, {@code 0.1} is up to 36 degrees). The
 * identity at inference and in {@code predict}; it must sit at the network input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomRotation {
  /** The angle as a fraction of 2 pi: {@code 0.1} or {@code {-0.05, 0.1}}. */
  double[] factor();

  /**
   * How points outside the image are filled: {@code "reflect"} (the default; {@code d c b a | a b c
   * d | d c b a}), {@code "wrap"}, {@code "constant"} ({@link #fillValue}) or {@code "nearest"}.
   */
  String fillMode() default "reflect";

  /** {@code "bilinear"} (the default) or {@code "nearest"}. */
  String interpolation() default "bilinear";

  /** The value outside the image with {@code fillMode = "constant"}. */
  double fillValue() default 0.0;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
