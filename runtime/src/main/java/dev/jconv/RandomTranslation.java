package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly shifts each training image, Keras's {@code RandomTranslation}: by a fraction of the
 * height in {@code heightFactor} and of the width in {@code widthFactor} (one value {@code f} means
 * {@code [-f, f]}, two mean {@code [lower, upper]}, within [-1, 1]; positive moves the content down
 * and right). The identity at inference and in {@code predict}; it must sit at the network input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomTranslation {
  /** The vertical shift as a fraction of the height: {@code 0.1} or {@code {-0.1, 0.2}}. */
  double[] heightFactor();

  /** The horizontal shift as a fraction of the width: {@code 0.1} or {@code {-0.1, 0.2}}. */
  double[] widthFactor();

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
