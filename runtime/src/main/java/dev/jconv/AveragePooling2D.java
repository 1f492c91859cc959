package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Average pooling, Keras's {@code AveragePooling2D}; with SAME padding it divides by the number of
 * real (not padded) cells, as TensorFlow does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AveragePooling2D {
  /** Window height and width: {@code 2} or {@code {2, 3}}. */
  int[] poolSize() default 2;

  /** Strides; empty (the default) means the same as {@code poolSize}. */
  int[] strides() default {};

  /** VALID or SAME. */
  Padding padding() default Padding.VALID;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
