package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Flattens (h, w, c) to (h * w * c) in row-major (HWC) order, Keras's {@code Flatten}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Flatten {
  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
