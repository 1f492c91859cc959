/**
 * What generated models implement beyond the user API {@link dev.jconv.Model}: the training pass
 * and the weight-file support; the {@code Trainer} and custom training loops use it.
 */
package dev.jconv.compiled;
