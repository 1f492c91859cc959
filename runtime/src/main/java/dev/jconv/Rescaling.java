package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Rescales every value, {@code x * scale + offset}, Keras's {@code Rescaling}: for example {@code
 * scale = 1.0 / 255} maps pixels to [0, 1], and {@code scale = 1.0 / 127.5, offset = -1} to [-1,
 * 1]. No parameters; the same in inference and training.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Rescaling {
  /** The factor every value is multiplied by. */
  double scale();

  /** What is added after scaling. */
  double offset() default 0.0;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
