/** Example networks declared with the {@code @Network} DSL, and the demo that prints them. */
package dev.jconv.examples;
