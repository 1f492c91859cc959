package dev.jconv.augment;

/**
 * Turns the hue of RGB images by a random fraction of the colour circle, as torchvision's {@code
 * ColorJitter(hue=)}: each pixel goes to HSV (values mapped to [0, 1] through the value range), its
 * hue moves by a shift in {@code [-factor, factor]} (at most 0.5), and it comes back.
 */
public final class Hue extends Photometric<Hue> {
  private final double shiftLo;
  private final double shiftHi;

  private Hue(double shiftLo, double shiftHi, double p, float lo, float hi) {
    super(p, lo, hi);
    Check.range("hue shift", shiftLo, shiftHi, -0.5, 0.5);
    if (!Float.isFinite(hi - lo)) {
      throw new IllegalArgumentException(
          "Hue needs a finite value range, got [" + lo + ", " + hi + "]");
    }
    this.shiftLo = shiftLo;
    this.shiftHi = shiftHi;
  }

  /** A hue shift of up to {@code factor} turns either way ({@code factor} in [0, 0.5]). */
  public static Hue of(double factor) {
    Check.range("hue factor", 0, factor, 0, 0.5);
    return between(-factor, factor);
  }

  /** A hue shift in {@code [lo, hi]} turns (within [-0.5, 0.5]; 1/3 turns red into green). */
  public static Hue between(double lo, double hi) {
    return new Hue(lo, hi, 1, 0, 1);
  }

  @Override
  Hue with(double p, float lo, float hi) {
    return new Hue(shiftLo, shiftHi, p, lo, hi);
  }

  @Override
  public void check(int h, int w, int c) {
    checkColour("Hue", h, w, c);
  }

  @Override
  void adjust(Canvas canvas, Rng rng) {
    float shift = (float) rng.uniform(shiftLo, shiftHi);
    if (shift == 0) {
      return;
    }
    float[] p = canvas.pixels();
    float range = hi - lo;
    for (int i = 0, n = canvas.size(); i < n; i += 3) {
      rotate(p, i, shift, lo, range);
    }
  }

  /** Turns the hue of the pixel at {@code p[i..i+2]} by {@code shift} turns. */
  private void rotate(float[] p, int i, float shift, float lo, float range) {
    float r = (clip(p[i]) - lo) / range;
    float g = (clip(p[i + 1]) - lo) / range;
    float b = (clip(p[i + 2]) - lo) / range;
    float max = Math.max(r, Math.max(g, b));
    float delta = max - Math.min(r, Math.min(g, b));
    if (delta == 0) {
      return; // grey: no hue to turn
    }
    float hue;
    if (max == r) {
      hue = (g - b) / delta;
    } else if (max == g) {
      hue = (b - r) / delta + 2;
    } else {
      hue = (r - g) / delta + 4;
    }
    hue = hue / 6 + shift;
    hue -= (float) Math.floor(hue);
    float sat = delta / max;
    float h6 = hue * 6;
    int sector = Math.min((int) h6, 5);
    float f = h6 - sector;
    float pv = max * (1 - sat);
    float qv = max * (1 - sat * f);
    float tv = max * (1 - sat * (1 - f));
    p[i] = clip(lo + range * channel(sector, max, pv, qv, tv, 0));
    p[i + 1] = clip(lo + range * channel(sector, max, pv, qv, tv, 1));
    p[i + 2] = clip(lo + range * channel(sector, max, pv, qv, tv, 2));
  }

  /** Channel {@code k} of the HSV-to-RGB table for {@code sector}. */
  private static float channel(int sector, float v, float p, float q, float t, int k) {
    switch (sector) {
      case 0:
        return k == 0 ? v : k == 1 ? t : p;
      case 1:
        return k == 0 ? q : k == 1 ? v : p;
      case 2:
        return k == 0 ? p : k == 1 ? v : t;
      case 3:
        return k == 0 ? p : k == 1 ? q : v;
      case 4:
        return k == 0 ? t : k == 1 ? p : v;
      default:
        return k == 0 ? v : k == 1 ? p : q;
    }
  }
}
