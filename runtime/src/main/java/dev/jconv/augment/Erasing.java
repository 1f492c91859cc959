package dev.jconv.augment;

/**
 * Erases a random rectangle, as torchvision's {@code RandomErasing} (Zhong et al.): with
 * probability 0.5 a rectangle of {@code scale} times the image area and aspect ratio (log-uniform)
 * in {@code ratio} is set to a value (0, or uniform noise in the value range); or, as {@link
 * #cutout}, a square of fixed size centred anywhere (DeVries and Taylor), clipped at the border.
 */
public final class Erasing extends Photometric<Erasing> {
  private static final int ATTEMPTS = 10;
  private final double[] shape; // scaleLo, scaleHi, ratioLo, ratioHi
  private final int cutout; // > 0: a fixed square of this side
  private final float value;
  private final boolean noise;

  private Erasing(
      double[] shape, int cutout, float value, boolean noise, double p, float lo, float hi) {
    super(p, lo, hi);
    Check.range("scale", shape[0], shape[1], 0, 1);
    Check.range("ratio", shape[2], shape[3], 1e-3, 1e3);
    if (cutout < 0 || !Float.isFinite(value) || (noise && !Float.isFinite(hi - lo))) {
      throw new IllegalArgumentException(
          "Erasing needs a size >= 0, a finite value and, for noise, a finite value range");
    }
    this.shape = shape;
    this.cutout = cutout;
    this.value = value;
    this.noise = noise;
  }

  /** torchvision's defaults: probability 0.5, scale [0.02, 0.33], ratio [0.3, 3.3], value 0. */
  public static Erasing of() {
    return new Erasing(new double[] {0.02, 0.33, 0.3, 3.3}, 0, 0, false, 0.5, 0, 1);
  }

  /** Cutout: a {@code size x size} square of value 0, centred anywhere, always applied. */
  public static Erasing cutout(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("cutout size must be at least 1, got " + size);
    }
    return new Erasing(new double[] {0, 1, 1, 1}, size, 0, false, 1, 0, 1);
  }

  /** The same erasing with the area fraction in {@code [lo, hi]}. */
  public Erasing scale(double lo, double hi) {
    return new Erasing(
        new double[] {lo, hi, shape[2], shape[3]},
        cutout,
        value,
        noise,
        probability,
        this.lo,
        this.hi);
  }

  /** The same erasing with the aspect ratio (height / width) in {@code [lo, hi]}. */
  public Erasing ratio(double lo, double hi) {
    return new Erasing(
        new double[] {shape[0], shape[1], lo, hi},
        cutout,
        value,
        noise,
        probability,
        this.lo,
        this.hi);
  }

  /** The same erasing, filling with {@code v}. */
  public Erasing value(float v) {
    return new Erasing(shape, cutout, v, false, probability, lo, hi);
  }

  /** The same erasing, filling with uniform noise over the value range. */
  public Erasing noise() {
    return new Erasing(shape, cutout, value, true, probability, lo, hi);
  }

  @Override
  Erasing with(double p, float lo, float hi) {
    return new Erasing(shape, cutout, value, noise, p, lo, hi);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    int h = canvas.height();
    int w = canvas.width();
    if (cutout > 0) {
      int cy = rng.nextInt(0, h - 1);
      int cx = rng.nextInt(0, w - 1);
      int top = Math.max(0, cy - cutout / 2);
      int left = Math.max(0, cx - cutout / 2);
      fill(
          canvas,
          rng,
          top,
          left,
          Math.min(h, cy - cutout / 2 + cutout) - top,
          Math.min(w, cx - cutout / 2 + cutout) - left);
      return;
    }
    double area = (double) h * w;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double target = area * rng.uniform(shape[0], shape[1]);
      double aspect = Math.exp(rng.uniform(Math.log(shape[2]), Math.log(shape[3])));
      int eh = (int) Math.round(Math.sqrt(target * aspect));
      int ew = (int) Math.round(Math.sqrt(target / aspect));
      if (eh < h && ew < w && eh > 0 && ew > 0) {
        fill(canvas, rng, rng.nextInt(0, h - eh), rng.nextInt(0, w - ew), eh, ew);
        return;
      }
    }
  }

  private void fill(Canvas canvas, Rng rng, int top, int left, int eh, int ew) {
    float[] p = canvas.pixels();
    int w = canvas.width();
    int c = canvas.channels();
    for (int y = top; y < top + eh; y++) {
      for (int i = (y * w + left) * c, end = i + ew * c; i < end; i++) {
        p[i] = noise ? (float) rng.uniform(lo, hi) : value;
      }
    }
  }
}
