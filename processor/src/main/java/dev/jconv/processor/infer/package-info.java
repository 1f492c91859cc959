/** Pure shape and parameter inference, one function per layer kind; no javac, no printing. */
package dev.jconv.processor.infer;
