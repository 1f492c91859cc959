package dev.jconv.augment;

/**
 * Pads images by {@code padding} pixels on every side and crops a random window of the original
 * size, as torchvision's {@code RandomCrop(size, padding)}: a whole-pixel shift of up to {@code
 * padding} either way, so pixels are copied exactly. Fill CONSTANT 0 by default.
 */
public final class RandomCrop extends Geometric<RandomCrop> {
  private final int padding;

  private RandomCrop(int padding, GeometryOptions options) {
    super(options);
    if (padding < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padding);
    }
    this.padding = padding;
  }

  /** Pads by {@code padding} pixels and crops back at a random offset. */
  public static RandomCrop of(int padding) {
    return new RandomCrop(padding, GeometryOptions.TORCH);
  }

  @Override
  RandomCrop with(GeometryOptions options) {
    return new RandomCrop(padding, options);
  }

  @Override
  boolean inverseMap(Rng rng, Canvas canvas, double[] m) {
    int dy = rng.nextInt(-padding, padding);
    int dx = rng.nextInt(-padding, padding);
    Matrices.affine(m, 1, 0, -dx, 0, 1, -dy);
    return true;
  }
}
