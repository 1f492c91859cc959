package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Concatenation on the channel axis of tensors with the same spatial size, Keras's {@code
 * Concatenate}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concatenate {
  /** The input layers' field names (at least two), in channel order. */
  String[] from();
}
