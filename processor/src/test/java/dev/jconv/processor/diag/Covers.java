package dev.jconv.processor.diag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that triggers and checks the given diagnostics (message, file, line); {@link
 * CatalogueTest} fails when a {@link Diag} entry has no such test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Covers {
  /** The catalogue entries the test asserts, with message, file and line. */
  Diag[] value();
}
