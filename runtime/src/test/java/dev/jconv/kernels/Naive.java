package dev.jconv.kernels;

import java.util.Random;

/** Plain double-precision loops: the oracle of the kernel tests. */
final class Naive {
  private Naive() {}

  static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextFloat() * 2f - 1f;
    }
    return a;
  }

  /** The forward convolution in double: y[oh, ow, co] (no bias). */
  static double[] conv(ConvShape s, double[] x, double[] w) {
    double[] y = new double[s.pixels() * s.cout()];
    for (int oh = 0; oh < s.oh(); oh++) {
      for (int ow = 0; ow < s.ow(); ow++) {
        for (int kh = 0; kh < s.kh(); kh++) {
          for (int kw = 0; kw < s.kw(); kw++) {
            int ih = oh * s.sh() - s.padTop() + kh * s.dh();
            int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
            if (ih < 0 || ih >= s.h() || iw < 0 || iw >= s.w()) {
              continue;
            }
            for (int ci = 0; ci < s.cin(); ci++) {
              for (int co = 0; co < s.cout(); co++) {
                y[(oh * s.ow() + ow) * s.cout() + co] +=
                    x[(ih * s.w() + iw) * s.cin() + ci]
                        * w[((kh * s.kw() + kw) * s.cin() + ci) * s.cout() + co];
              }
            }
          }
        }
      }
    }
    return y;
  }

  /** The input gradient (dx) or kernel gradient (!dx) of sum(g * conv(x, w)), by the chain rule. */
  static double[] convGrad(ConvShape s, double[] x, double[] w, float[] g, boolean dx) {
    double[] grad = new double[dx ? x.length : w.length];
    for (int oh = 0; oh < s.oh(); oh++) {
      for (int ow = 0; ow < s.ow(); ow++) {
        for (int kh = 0; kh < s.kh(); kh++) {
          for (int kw = 0; kw < s.kw(); kw++) {
            int ih = oh * s.sh() - s.padTop() + kh * s.dh();
            int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
            if (ih < 0 || ih >= s.h() || iw < 0 || iw >= s.w()) {
              continue;
            }
            for (int ci = 0; ci < s.cin(); ci++) {
              for (int co = 0; co < s.cout(); co++) {
                int xi = (ih * s.w() + iw) * s.cin() + ci;
                int wi = ((kh * s.kw() + kw) * s.cin() + ci) * s.cout() + co;
                double gv = g[(oh * s.ow() + ow) * s.cout() + co];
                grad[dx ? xi : wi] += gv * (dx ? w[wi] : x[xi]);
              }
            }
          }
        }
      }
    }
    return grad;
  }

  static double dot(double[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double[] widen(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /** Largest |a - b| over the largest |b|, so the tolerance scales with the values. */
  static double relError(float[] a, int ao, double[] b) {
    double max = 1.0; // values are O(1): a near-zero row must not inflate the error
    double err = 0;
    for (int i = 0; i < b.length; i++) {
      max = Math.max(max, Math.abs(b[i]));
      err = Math.max(err, Math.abs(a[ao + i] - b[i]));
    }
    return err / max;
  }
}
