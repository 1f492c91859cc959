package dev.jconv.io;

import java.io.IOException;

/**
 * A weight file that is not valid safetensors, or that does not fit the model it is loaded into;
 * the message names the file, the tensor and what was expected versus found.
 */
public final class SafeTensorsException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a complete, user-facing message. */
  public SafeTensorsException(String message) {
    super(message);
  }
}
