/**
 * PyTorch's side of the side-by-side harness, through DJL: the benchmark networks built from DJL
 * blocks and run by PyTorch's CPU engine. Compiled only in the {@code pytorch} Maven profile.
 */
package dev.jconv.bench.torch;
