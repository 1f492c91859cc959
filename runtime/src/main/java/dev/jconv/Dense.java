package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Fully connected layer, Keras's {@code Dense}: kernel [in, units] plus bias. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
  /** Number of outputs. */
  int units();

  /** Activation applied to the output, fused into the layer. */
  Activation.Fn activation() default Activation.Fn.LINEAR;

  /** Whether the layer adds a bias vector. */
  boolean useBias() default true;

  /**
   * Keras's {@code trainable}: {@code false} starts the layer frozen, so the optimizer leaves its
   * parameters alone until {@link Layer#unfreeze()}.
   */
  boolean trainable() default true;

  /** The input layer's field name; empty means the previous field. */
  String from() default "";
}
