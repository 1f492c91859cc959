/** Reads javac elements into the model; with {@code diag}, the only code that sees javac types. */
package dev.jconv.processor.read;
