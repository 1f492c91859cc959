package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly mirrors each training image, Keras's {@code RandomFlip}: every enabled axis is flipped
 * with probability 0.5, independently per example. The identity at inference and in {@code
 * predict}; it must sit at the network input (see {@code docs/augmentation.md}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RandomFlip {
  /** {@code "horizontal"} (left-right), {@code "vertical"} or {@code "horizontal_and_vertical"}. */
  String mode() default "horizontal_and_vertical";

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
