/** Writes the generated model classes with JavaPoet; sees only checked graphs. */
package dev.jconv.processor.codegen;
