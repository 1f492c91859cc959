/**
 * Immutable model of a declared network: shapes, layer specs, the checked graph. No javac types;
 * source positions are opaque {@link dev.jconv.processor.model.SourceRef}s.
 */
package dev.jconv.processor.model;
