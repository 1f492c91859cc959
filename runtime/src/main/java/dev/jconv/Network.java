package dev.jconv;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract class whose {@link Layer} fields declare a convolutional network; the jconv
 * processor checks it at compile time and generates {@code <Name>Model}.
 *
 * <p>Fields are layers in declaration order; each takes the previous field as input unless it names
 * others with {@code from}. The last field is the output.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
  /**
   * Input shape without the batch axis: {@code {height, width, channels}} or {@code {features}}.
   */
  int[] input();

  /** Expected total parameter count (Keras's "Total params"); -1 skips the check. */
  long params() default -1;
}
