/**
 * The machinery that layer kinds emit code with: the layout of weights and workspace, the emitting
 * site of one layer, loop skeletons (vector lanes, kernel taps, convolution tiles) and activation
 * expressions. Knows no layer kind.
 */
package dev.jconv.processor.emit;
