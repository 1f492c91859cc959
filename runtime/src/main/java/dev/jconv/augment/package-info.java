/**
 * Data augmentation: seeded, composable per-example transforms of HWC float images (geometric and
 * photometric), class-specific oversampling, test-time augmentation and a PNG grid to inspect a
 * pipeline.
 */
package dev.jconv.augment;
