package dev.jconv.augment;

/**
 * The working buffers of one example while a pipeline transforms it: the current HWC image, a spare
 * buffer of the same size that geometric transforms write into before {@link #swap()}, and a small
 * matrix scratch. One canvas per thread, reused across examples, so transforming allocates nothing
 * once the buffers have grown to the image size.
 */
public final class Canvas {
  private float[] pixels = new float[0];
  private float[] spare = new float[0];
  private final double[] matrix = new double[9];
  private final double[] system = new double[8 * 9];
  private int height;
  private int width;
  private int channels;

  /** Copies the HWC image at {@code src[offset...]} of {@code h x w x c} into the canvas. */
  public void load(float[] src, int offset, int h, int w, int c) {
    int size = Math.multiplyExact(Math.multiplyExact(h, w), c);
    if (pixels.length < size) {
      pixels = new float[size];
      spare = new float[size];
    }
    System.arraycopy(src, offset, pixels, 0, size);
    height = h;
    width = w;
    channels = c;
  }

  /** Copies the current image to {@code dst[offset...]}. */
  public void store(float[] dst, int offset) {
    System.arraycopy(pixels, 0, dst, offset, size());
  }

  /** The current image, HWC from index 0 (the array may be longer than {@link #size()}). */
  public float[] pixels() {
    return pixels;
  }

  /** A buffer as large as the image that a transform may overwrite, then {@link #swap()}. */
  public float[] spare() {
    return spare;
  }

  /** Makes the spare buffer the current image (after a transform wrote its result there). */
  public void swap() {
    float[] t = pixels;
    pixels = spare;
    spare = t;
  }

  /** Image height. */
  public int height() {
    return height;
  }

  /** Image width. */
  public int width() {
    return width;
  }

  /** Channels per pixel. */
  public int channels() {
    return channels;
  }

  /** Floats in the image: {@code height * width * channels}. */
  public int size() {
    return height * width * channels;
  }

  /** A 3x3 row-major matrix scratch for geometric transforms. */
  double[] matrix() {
    return matrix;
  }

  /** An 8x9 scratch for solving the perspective system. */
  double[] system() {
    return system;
  }
}
