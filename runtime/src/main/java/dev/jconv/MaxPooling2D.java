package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Max pooling, Keras's {@code MaxPooling2D}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPooling2D {
  /** Window height and width: {@code 2} or {@code {2, 3}}. */
  int[] poolSize() default 2;

  /** Strides; empty (the default) means the same as {@code poolSize}. */
  int[] strides() default {};

  /** VALID or SAME. */
  Padding padding() default Padding.VALID;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
