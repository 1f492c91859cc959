/** Parameter initialisers with Keras's defaults. */
package dev.jconv.init;
