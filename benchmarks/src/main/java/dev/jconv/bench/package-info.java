/**
 * The side-by-side harness: jconv against PyTorch (through DJL, in the {@code pytorch} Maven
 * profile) on the same networks and timing loop, the machine's FMA ceiling, and each large
 * convolution's share of it; run by {@code benchmarks/compare.sh}.
 */
package dev.jconv.bench;
