/**
 * The naive reference: every layer's forward and backward in double precision written straight from
 * the definitions, random networks, and the harness that compiles them with the processor and
 * compares the generated models against the reference.
 */
package dev.jconv.processor.reference;
