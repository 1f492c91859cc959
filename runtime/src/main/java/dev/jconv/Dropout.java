package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Inverted dropout, active only in training, Keras's {@code Dropout}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {
  /** Fraction of inputs set to zero in training, in [0, 1). */
  double rate();

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
