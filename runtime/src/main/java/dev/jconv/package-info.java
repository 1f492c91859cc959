/**
 * The {@code @Network} DSL (one annotation per Keras layer, {@link dev.jconv.Layer}, {@link
 * dev.jconv.Padding}, {@link dev.jconv.Activation.Fn}) and what every generated model offers
 * ({@link dev.jconv.Model}, {@link dev.jconv.Summary}).
 */
package dev.jconv;
