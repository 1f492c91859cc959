/**
 * Test doubles shared by the runtime's tests: a trainable hand-made model, a faulty file system.
 */
package dev.jconv.testing;
