/**
 * One class per layer kind ({@code Conv2DKind}, {@code DenseKind}, ...) holding everything about
 * it: reading its annotation, its attribute rules, shape and parameter inference, scratch buffers,
 * and its scalar and SIMD emitters; {@link dev.jconv.processor.kind.Kinds} is the one registry the
 * pipeline dispatches through.
 */
package dev.jconv.processor.kind;
