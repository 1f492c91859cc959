package dev.jconv.processor.reference;

/**
 * Convolutions in double with the most obvious loops: for each output cell, every kernel tap, an
 * explicit test whether the tap falls on a padding cell (zero, so skipped). Kernels are in Keras's
 * layouts: {@code kernel[kh][kw][cin][cout]}, {@code depthwise_kernel[kh][kw][cin][mult]}. Backward
 * functions accumulate with {@code +=}; a null bias means the layer has none.
 */
final class RefConv {
  private RefConv() {}

  /**
   * out[b][oh][ow][o] = bias[o] + sum over taps and c of x[b][ih][iw][c] * kernel[kh][kw][c][o].
   */
  static void conv2dForward(
      double[] out, double[] inp, double[] kernel, double[] bias, int n, Dims in, int f, Window k) {
    Dims o = new Dims(k.outH(in.h()), k.outW(in.w()), f, true);
    for (int b = 0; b < n; b++) {
      for (int oh = 0; oh < o.h(); oh++) {
        for (int ow = 0; ow < o.w(); ow++) {
          for (int oc = 0; oc < f; oc++) {
            double sum = bias == null ? 0 : bias[oc];
            for (int kh = 0; kh < k.kh(); kh++) {
              for (int kw = 0; kw < k.kw(); kw++) {
                int ih = oh * k.sh() - k.top(in.h()) + kh * k.dh();
                int iw = ow * k.sw() - k.left(in.w()) + kw * k.dw();
                if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                  continue;
                }
                for (int c = 0; c < in.c(); c++) {
                  sum +=
                      inp[in.at(b, ih, iw, c)] * kernel[((kh * k.kw() + kw) * in.c() + c) * f + oc];
                }
              }
            }
            out[o.at(b, oh, ow, oc)] = sum;
          }
        }
      }
    }
  }

  /** Gradients of {@link #conv2dForward} w.r.t. its input, kernel and bias. */
  static void conv2dBackward(
      double[] dinp,
      double[] dkernel,
      double[] dbias,
      double[] dout,
      double[] inp,
      double[] kernel,
      int n,
      Dims in,
      int f,
      Window k) {
    Dims o = new Dims(k.outH(in.h()), k.outW(in.w()), f, true);
    for (int b = 0; b < n; b++) {
      for (int oh = 0; oh < o.h(); oh++) {
        for (int ow = 0; ow < o.w(); ow++) {
          for (int oc = 0; oc < f; oc++) {
            double d = dout[o.at(b, oh, ow, oc)];
            if (dbias != null) {
              dbias[oc] += d;
            }
            for (int kh = 0; kh < k.kh(); kh++) {
              for (int kw = 0; kw < k.kw(); kw++) {
                int ih = oh * k.sh() - k.top(in.h()) + kh * k.dh();
                int iw = ow * k.sw() - k.left(in.w()) + kw * k.dw();
                if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                  continue;
                }
                for (int c = 0; c < in.c(); c++) {
                  int wi = ((kh * k.kw() + kw) * in.c() + c) * f + oc;
                  int xi = in.at(b, ih, iw, c);
                  dinp[xi] += kernel[wi] * d;
                  dkernel[wi] += inp[xi] * d;
                }
              }
            }
          }
        }
      }
    }
  }

  /** out[b][oh][ow][c * mult + j] = bias + sum over taps of x[b][ih][iw][c] * dk[kh][kw][c][j]. */
  static void depthwiseForward(
      double[] out, double[] inp, double[] dk, double[] bias, int n, Dims in, int mult, Window k) {
    Dims o = new Dims(k.outH(in.h()), k.outW(in.w()), in.c() * mult, true);
    for (int b = 0; b < n; b++) {
      for (int oh = 0; oh < o.h(); oh++) {
        for (int ow = 0; ow < o.w(); ow++) {
          for (int c = 0; c < in.c(); c++) {
            for (int j = 0; j < mult; j++) {
              double sum = bias == null ? 0 : bias[c * mult + j];
              for (int kh = 0; kh < k.kh(); kh++) {
                for (int kw = 0; kw < k.kw(); kw++) {
                  int ih = oh * k.sh() - k.top(in.h()) + kh * k.dh();
                  int iw = ow * k.sw() - k.left(in.w()) + kw * k.dw();
                  if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                    continue;
                  }
                  sum +=
                      inp[in.at(b, ih, iw, c)] * dk[((kh * k.kw() + kw) * in.c() + c) * mult + j];
                }
              }
              out[o.at(b, oh, ow, c * mult + j)] = sum;
            }
          }
        }
      }
    }
  }

  /** Gradients of {@link #depthwiseForward} w.r.t. its input, depthwise kernel and bias. */
  static void depthwiseBackward(
      double[] dinp,
      double[] ddk,
      double[] dbias,
      double[] dout,
      double[] inp,
      double[] dk,
      int n,
      Dims in,
      int mult,
      Window k) {
    Dims o = new Dims(k.outH(in.h()), k.outW(in.w()), in.c() * mult, true);
    for (int b = 0; b < n; b++) {
      for (int oh = 0; oh < o.h(); oh++) {
        for (int ow = 0; ow < o.w(); ow++) {
          for (int c = 0; c < in.c(); c++) {
            for (int j = 0; j < mult; j++) {
              double d = dout[o.at(b, oh, ow, c * mult + j)];
              if (dbias != null) {
                dbias[c * mult + j] += d;
              }
              for (int kh = 0; kh < k.kh(); kh++) {
                for (int kw = 0; kw < k.kw(); kw++) {
                  int ih = oh * k.sh() - k.top(in.h()) + kh * k.dh();
                  int iw = ow * k.sw() - k.left(in.w()) + kw * k.dw();
                  if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                    continue;
                  }
                  int wi = ((kh * k.kw() + kw) * in.c() + c) * mult + j;
                  int xi = in.at(b, ih, iw, c);
                  dinp[xi] += dk[wi] * d;
                  ddk[wi] += inp[xi] * d;
                }
              }
            }
          }
        }
      }
    }
  }
}
