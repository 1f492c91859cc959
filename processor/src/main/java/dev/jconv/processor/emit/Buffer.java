package dev.jconv.processor.emit;

/** A kind of per-example workspace buffer a layer owns. */
public enum Buffer {
  /** The layer's output. */
  OUT("output"),
  /** A separable convolution's depthwise output. */
  MID("depthwise output"),
  /**
   * Pre-activation values of a layer with a fused SWISH (its backward needs them) or SOFTMAX (the
   * loss reads the logits).
   */
  PRE("pre-activation values"),
  /** A dropout layer's mask. */
  MASK("dropout mask"),
  /** A batch normalization's per-channel inference scale and shift (2 * channels). */
  AFFINE("per-channel scale and shift"),
  /** The zero-padded input that a SIMD convolution with SAME padding reads. */
  PADDED("zero-padded input");

  private final String description;

  Buffer(String description) {
    this.description = description;
  }

  /** What the buffer holds, for comments in the generated code. */
  public String description() {
    return description;
  }
}
