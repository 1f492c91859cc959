/**
 * Training: optimizers (SGD, Adam, AdamW with Keras's defaults and formulas) and learning-rate
 * schedules.
 */
package dev.jconv.train;
