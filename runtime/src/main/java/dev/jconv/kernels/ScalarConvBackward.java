package dev.jconv.kernels;

/**
 * The scalar twin of {@link VectorConvBackward}, and its channel tails: per tap, the output pixels
 * whose input pixel is inside the image (no border tests in the inner loops).
 */
final class ScalarConvBackward {
  private ScalarConvBackward() {}

  /** Input channels {@code [0, cin)}. */
  static void inputGrad(
      ConvShape s, float[] wt, int wto, float[] dy, int dyo, float[] dx, int dxo) {
    inputGradChannels(s, wt, wto, dy, dyo, dx, dxo, 0);
  }

  /** Input channels {@code [c0, cin)} of the input gradient. */
  static void inputGradChannels(
      ConvShape s, float[] wt, int wto, float[] dy, int dyo, float[] dx, int dxo, int c0) {
    int cin = s.cin();
    int cout = s.cout();
    for (int kh = 0; kh < s.kh(); kh++) {
      for (int kw = 0; kw < s.kw(); kw++) {
        int tap = wto + (kh * s.kw() + kw) * cin * cout;
        for (int oh = s.rowLo(kh); oh < s.rowHi(kh); oh++) {
          int ih = oh * s.sh() - s.padTop() + kh * s.dh();
          for (int ow = s.colLo(kw); ow < s.colHi(kw); ow++) {
            int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
            int g = dyo + (oh * s.ow() + ow) * cout;
            int xi = dxo + (ih * s.w() + iw) * cin;
            for (int co = 0; co < cout; co++) {
              float gv = dy[g + co];
              int wr = tap + co * cin;
              for (int ci = c0; ci < cin; ci++) {
                dx[xi + ci] += gv * wt[wr + ci];
              }
            }
          }
        }
      }
    }
  }

  /** Output channels {@code [c0, cout)} of the weight gradient. */
  static void weightGrad(
      ConvShape s, float[] x, int xo, float[] dy, int dyo, float[] dw, int dwo, int c0) {
    int cin = s.cin();
    int cout = s.cout();
    for (int kh = 0; kh < s.kh(); kh++) {
      for (int kw = 0; kw < s.kw(); kw++) {
        int tap = dwo + (kh * s.kw() + kw) * cin * cout;
        for (int oh = s.rowLo(kh); oh < s.rowHi(kh); oh++) {
          int ih = oh * s.sh() - s.padTop() + kh * s.dh();
          for (int ow = s.colLo(kw); ow < s.colHi(kw); ow++) {
            int iw = ow * s.sw() - s.padLeft() + kw * s.dw();
            int g = dyo + (oh * s.ow() + ow) * cout;
            int xi = xo + (ih * s.w() + iw) * cin;
            for (int ci = 0; ci < cin; ci++) {
              float xv = x[xi + ci];
              int wr = tap + ci * cout;
              for (int co = c0; co < cout; co++) {
                dw[wr + co] += xv * dy[g + co];
              }
            }
          }
        }
      }
    }
  }
}
