/**
 * Diagnostics: the catalogue of ids and messages, reports as values, and the one printer that talks
 * to javac's {@code Messager}.
 */
package dev.jconv.processor.diag;
