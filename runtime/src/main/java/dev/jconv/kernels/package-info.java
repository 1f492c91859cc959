/** Small scalar and vector kernels that generated code calls and the JIT inlines. */
package dev.jconv.kernels;
