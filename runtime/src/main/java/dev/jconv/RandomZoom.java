package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly zooms each training image about its centre, Keras's {@code RandomZoom}: a factor {@code
 * z} shows a region {@code 1 + z} times the image, so positive zooms out and negative zooms in (one
 * value {@code f} means {@code [-f, f]}, two mean {@code [lower, upper]}, above -1). The identity
 * at inference and in {@code predict}; it must sit at the network input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomZoom {
  /** The vertical zoom: {@code 0.2} or {@code {-0.3, -0.1}}. */
  double[] heightFactor();

  /** The horizontal zoom; empty (the default, Keras's None) zooms both axes alike. */
  double[] widthFactor() default {};

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
