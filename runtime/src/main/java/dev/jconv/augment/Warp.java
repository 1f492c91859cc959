package dev.jconv.augment;

/**
 * Resamples an image through an inverse map: output pixel {@code (x, y)} reads the input at {@code
 * m * (x, y, 1)} (divided by the third coordinate for a perspective map), bilinearly or nearest,
 * with out-of-image reads resolved per neighbour by the {@link Fill} mode.
 */
final class Warp {
  // Coordinates are clamped here before the int conversion; anything this far out is fill anyway.
  private static final double FAR = 1 << 24;

  private Warp() {}

  /** Writes the warped image into the canvas's spare buffer and swaps it in. */
  static void apply(
      Canvas canvas, double[] m, Fill fill, float fillValue, Interpolation interpolation) {
    Matrices.snap(m);
    if (Matrices.isIdentity(m)) {
      return;
    }
    float[] src = canvas.pixels();
    float[] dst = canvas.spare();
    int h = canvas.height();
    int w = canvas.width();
    int c = canvas.channels();
    boolean projective = m[6] != 0 || m[7] != 0 || m[8] != 1;
    boolean nearest = interpolation == Interpolation.NEAREST;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sx = m[0] * x + m[1] * y + m[2];
        double sy = m[3] * x + m[4] * y + m[5];
        if (projective) {
          double q = m[6] * x + m[7] * y + m[8];
          sx /= q;
          sy /= q;
        }
        sx = clamp(sx);
        sy = clamp(sy);
        int o = (y * w + x) * c;
        if (nearest) {
          pixel(
              src,
              dst,
              o,
              (int) Math.floor(sx + 0.5),
              (int) Math.floor(sy + 0.5),
              h,
              w,
              c,
              fill,
              fillValue);
        } else {
          bilinear(src, dst, o, sx, sy, h, w, c, fill, fillValue);
        }
      }
    }
    canvas.swap();
  }

  private static double clamp(double v) {
    return v > FAR ? FAR : v < -FAR ? -FAR : v != v ? FAR : v;
  }

  private static void bilinear(
      float[] src,
      float[] dst,
      int o,
      double sx,
      double sy,
      int h,
      int w,
      int c,
      Fill fill,
      float fillValue) {
    double fx = Math.floor(sx);
    double fy = Math.floor(sy);
    float ax = (float) (sx - fx);
    float ay = (float) (sy - fy);
    int x0 = (int) fx;
    int y0 = (int) fy;
    if (ax == 0 && ay == 0) {
      pixel(src, dst, o, x0, y0, h, w, c, fill, fillValue);
      return;
    }
    if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
      int o00 = (y0 * w + x0) * c;
      int o10 = o00 + w * c;
      for (int ch = 0; ch < c; ch++) {
        dst[o + ch] =
            lerp(src[o00 + ch], src[o00 + c + ch], src[o10 + ch], src[o10 + c + ch], ax, ay);
      }
      return;
    }
    int ix0 = fill.index(x0, w);
    int ix1 = fill.index(x0 + 1, w);
    int iy0 = fill.index(y0, h);
    int iy1 = fill.index(y0 + 1, h);
    int o00 = offset(ix0, iy0, w, c);
    int o01 = offset(ix1, iy0, w, c);
    int o10 = offset(ix0, iy1, w, c);
    int o11 = offset(ix1, iy1, w, c);
    for (int ch = 0; ch < c; ch++) {
      dst[o + ch] =
          lerp(
              read(src, o00, ch, fillValue),
              read(src, o01, ch, fillValue),
              read(src, o10, ch, fillValue),
              read(src, o11, ch, fillValue),
              ax,
              ay);
    }
  }

  /** Bilinear blend written as nested lerps, so a zero weight returns a corner exactly. */
  private static float lerp(float v00, float v01, float v10, float v11, float ax, float ay) {
    float top = v00 + ax * (v01 - v00);
    float bottom = v10 + ax * (v11 - v10);
    return top + ay * (bottom - top);
  }

  private static void pixel(
      float[] src,
      float[] dst,
      int o,
      int x,
      int y,
      int h,
      int w,
      int c,
      Fill fill,
      float fillValue) {
    int so = offset(fill.index(x, w), fill.index(y, h), w, c);
    if (so < 0) {
      for (int ch = 0; ch < c; ch++) {
        dst[o + ch] = fillValue;
      }
    } else {
      System.arraycopy(src, so, dst, o, c);
    }
  }

  private static int offset(int ix, int iy, int w, int c) {
    return ix < 0 || iy < 0 ? -1 : (iy * w + ix) * c;
  }

  private static float read(float[] src, int o, int ch, float fillValue) {
    return o < 0 ? fillValue : src[o + ch];
  }
}
