package dev.jconv.augment;

/**
 * The training forward of the augmentation layers ({@code @RandomFlip}, {@code @RandomTranslation},
 * ...), called by generated models for one example at a time through the transforms of this
 * package. Example {@code e} of layer {@code layer} in a step seeded {@code seed} draws from {@code
 * Rng.derive(Rng.derive(seed, layer), e)}, so every example of a batch gets its own transform and a
 * resumed run repeats the same images. Each call works in its thread's canvas and allocates
 * nothing.
 */
public final class AugmentationLayers {
  private AugmentationLayers() {}

  /** Keras's {@code RandomFlip}: each enabled axis mirrored with probability 0.5. */
  public static void flip(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      boolean horizontal,
      boolean vertical,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    Flip.apply(ws.canvas, ws.rng, horizontal, vertical, 0.5);
    ws.canvas.store(y, yo);
  }

  /** Keras's {@code RandomTranslation}: a shift by fractions of the height and width. */
  public static void translate(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      double hLo,
      double hHi,
      double wLo,
      double wHi,
      Fill fill,
      float fillValue,
      Interpolation interpolation,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    double[] m = ws.canvas.matrix();
    Translate.inverseMap(ws.rng, ws.canvas, m, hLo, hHi, wLo, wHi);
    warp(ws, m, fill, fillValue, interpolation, y, yo);
  }

  /** Keras's {@code RandomRotation}: a turn by a fraction of 2 pi in {@code [lo, hi]}. */
  public static void rotate(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      double lo,
      double hi,
      Fill fill,
      float fillValue,
      Interpolation interpolation,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    double[] m = ws.canvas.matrix();
    Rotate.inverseMap(ws.rng, ws.canvas, m, lo, hi);
    warp(ws, m, fill, fillValue, interpolation, y, yo);
  }

  /**
   * Keras's {@code RandomZoom}: height by {@code 1 + [hLo, hHi]}, width by {@code 1 + [wLo, wHi]},
   * or by the height's zoom when {@code keepAspect}.
   */
  public static void zoom(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      double hLo,
      double hHi,
      double wLo,
      double wHi,
      boolean keepAspect,
      Fill fill,
      float fillValue,
      Interpolation interpolation,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    double[] m = ws.canvas.matrix();
    Zoom.inverseMap(ws.rng, ws.canvas, m, hLo, hHi, wLo, wHi, keepAspect);
    warp(ws, m, fill, fillValue, interpolation, y, yo);
  }

  /** Keras's {@code RandomContrast}: a factor in {@code [lo, hi]}, clipped to the value range. */
  public static void contrast(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      double lo,
      double hi,
      float valueLo,
      float valueHi,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    Contrast.adjust(ws.canvas, (float) ws.rng.uniform(lo, hi), valueLo, valueHi);
    ws.canvas.store(y, yo);
  }

  /** Keras's {@code RandomBrightness}: an offset of a fraction in {@code [lo, hi]} of the range. */
  public static void brightness(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      double lo,
      double hi,
      float valueLo,
      float valueHi,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    Brightness.adjust(ws.canvas, ws.rng.uniform(lo, hi), valueLo, valueHi);
    ws.canvas.store(y, yo);
  }

  /** Keras's {@code GaussianNoise}: N(0, stddev) added to every value, not clipped. */
  public static void noise(
      float[] x,
      int xo,
      float[] y,
      int yo,
      int h,
      int w,
      int c,
      double stddev,
      long seed,
      int layer,
      int example) {
    Workspace ws = start(x, xo, h, w, c, seed(seed, layer, example));
    GaussianNoise.adjust(
        ws.canvas, ws.rng, stddev, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    ws.canvas.store(y, yo);
  }

  /**
   * The generator of example {@code example} of layer {@code layer} in a step seeded {@code seed}.
   */
  public static long seed(long seed, int layer, int example) {
    return Rng.derive(Rng.derive(seed, layer), example);
  }

  private static Workspace start(float[] x, int xo, int h, int w, int c, long seed) {
    Workspace ws = Workspace.get();
    ws.canvas.load(x, xo, h, w, c);
    ws.rng.reseed(seed);
    return ws;
  }

  private static void warp(
      Workspace ws,
      double[] m,
      Fill fill,
      float fillValue,
      Interpolation interpolation,
      float[] y,
      int yo) {
    Warp.apply(ws.canvas, m, fill, fillValue, interpolation);
    ws.canvas.store(y, yo);
  }
}
