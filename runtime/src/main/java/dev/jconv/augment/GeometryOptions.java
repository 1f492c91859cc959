package dev.jconv.augment;

/** What every geometric transform shares: how often it applies and how it samples and fills. */
record GeometryOptions(
    double probability, Fill fill, float fillValue, Interpolation interpolation) {
  /** Keras's defaults: always applied, reflect fill, bilinear. */
  static final GeometryOptions KERAS =
      new GeometryOptions(1, Fill.REFLECT, 0, Interpolation.BILINEAR);

  /** torchvision's defaults for its affine, perspective and crop transforms: zero fill. */
  static final GeometryOptions TORCH =
      new GeometryOptions(1, Fill.CONSTANT, 0, Interpolation.BILINEAR);

  GeometryOptions withProbability(double p) {
    return new GeometryOptions(Check.probability(p), fill, fillValue, interpolation);
  }

  GeometryOptions withFill(Fill f, float value) {
    if (f == null || !Float.isFinite(value)) {
      throw new IllegalArgumentException(
          "fill needs a mode and a finite value, got " + f + ", " + value);
    }
    return new GeometryOptions(probability, f, value, interpolation);
  }

  GeometryOptions withInterpolation(Interpolation i) {
    if (i == null) {
      throw new IllegalArgumentException("interpolation must not be null");
    }
    return new GeometryOptions(probability, fill, fillValue, i);
  }
}
