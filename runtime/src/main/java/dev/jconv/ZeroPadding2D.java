package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Zero padding around the image, Keras's {@code ZeroPadding2D}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ZeroPadding2D {
  /** {@code {p}}, {@code {ph, pw}} (symmetric) or {@code {top, bottom, left, right}}. */
  int[] padding() default 1;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
