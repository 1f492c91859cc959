package dev.jconv.transfer;

/**
 * A weight transfer that cannot be done as asked (shapes that differ, a mapping naming an unknown
 * tensor, nothing to take); the target model is unchanged. The message names each tensor and both
 * shapes; {@link #report()} holds the full plan.
 */
public final class TransferException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient TransferReport report;

  TransferException(String message, TransferReport report) {
    super(message);
    this.report = report;
  }

  /** The plan that was refused (null when the request itself was malformed). */
  public TransferReport report() {
    return report;
  }
}
