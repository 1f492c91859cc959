/** Spreading a batch over the cores. */
package dev.jconv.parallel;
