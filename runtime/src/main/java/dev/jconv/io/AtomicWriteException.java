package dev.jconv.io;

import java.io.IOException;

/**
 * An atomic write that failed: nothing changed at the target (the previous file, if any, is intact)
 * and no temporary file is left; the message names the target and the reason.
 */
public final class AtomicWriteException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final boolean previousKept;

  AtomicWriteException(String target, String reason, boolean previousKept, IOException cause) {
    super(
        "cannot write "
            + target
            + ": "
            + reason
            + "; "
            + (previousKept ? "the previous file is unchanged" : "nothing was written"),
        cause);
    this.reason = reason;
    this.previousKept = previousKept;
  }

  /** Why the write failed, such as {@code No space left on device}. */
  public String reason() {
    return reason;
  }

  /** Whether a file existed at the target before; it is unchanged either way. */
  public boolean previousKept() {
    return previousKept;
  }
}
