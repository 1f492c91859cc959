package dev.jconv;

import java.util.Arrays;
import java.util.Locale;

/**
 * Argument checks with messages that name the problem and the expected shape; shared by the runtime
 * packages, not part of the user API.
 */
public final class Checks {
  private Checks() {}

  /** Fails unless {@code length == n * perExample}. */
  public static void size(
      String where, String what, int length, int perExample, int[] shape, int n) {
    long expected = (long) perExample * n;
    if (length != expected) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: %s has %,d floats, expected %,d = %d x %s (%s order)",
              where,
              what,
              length,
              expected,
              n,
              Arrays.toString(shape),
              shape.length == 3 ? "NHWC" : "row-major"));
    }
  }
}
