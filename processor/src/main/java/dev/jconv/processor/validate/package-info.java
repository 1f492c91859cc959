/** Checks read networks and builds checked graphs; returns reports, prints nothing. */
package dev.jconv.processor.validate;
