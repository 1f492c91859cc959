/** The jconv annotation processor's entry point, which only sequences the stages below it. */
package dev.jconv.processor;
