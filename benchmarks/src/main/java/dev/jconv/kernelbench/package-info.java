/** JMH micro-benchmarks of the hand-written training kernels and of the machine's FMA ceiling. */
package dev.jconv.kernelbench;
