package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An element-wise activation layer, Keras's {@code Activation}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Activation {
  /** The function. */
  Fn value();

  /** The input layer's field name; empty means the previous field. */
  String from() default "";

  /** Activation functions, with Keras's definitions. */
  enum Fn {
    /** Identity. */
    LINEAR,
    /** max(x, 0). */
    RELU,
    /** min(max(x, 0), 6). */
    RELU6,
    /** x for x &gt; 0, else 0.2 * x ({@code keras.activations.leaky_relu}). */
    LEAKY_RELU,
    /** x for x &gt; 0, else exp(x) - 1 (alpha 1). */
    ELU,
    /** 1 / (1 + exp(-x)). */
    SIGMOID,
    /** tanh(x). */
    TANH,
    /** Softmax over the last (channel) axis. */
    SOFTMAX,
    /** x * sigmoid(x). */
    SWISH
  }
}
