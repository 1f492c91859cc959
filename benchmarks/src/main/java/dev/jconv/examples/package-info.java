/**
 * JMH benchmarks of the example networks; in the examples' package to reach the generated kernels.
 */
package dev.jconv.examples;
