package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Mean over height and width, Keras's {@code GlobalAveragePooling2D}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GlobalAveragePooling2D {
  /** Keep the spatial axes as size 1: output (1, 1, c) instead of (c). */
  boolean keepdims() default false;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
