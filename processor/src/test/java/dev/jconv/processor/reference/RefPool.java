package dev.jconv.processor.reference;

/**
 * Pooling and zero padding in double. A pooling window visits only real cells: with SAME padding
 * the padded cells are skipped, so max is over real cells and average divides by their number, as
 * TensorFlow does. Max backward sends the gradient to the first maximum in row-major window order.
 */
final class RefPool {
  private RefPool() {}

  /** Max (or average when {@code max} is false) over each window's real cells. */
  static void poolForward(double[] out, double[] inp, int n, Dims in, Window k, boolean max) {
    Dims o = new Dims(k.outH(in.h()), k.outW(in.w()), in.c(), true);
    for (int b = 0; b < n; b++) {
      for (int oh = 0; oh < o.h(); oh++) {
        for (int ow = 0; ow < o.w(); ow++) {
          for (int c = 0; c < in.c(); c++) {
            double best = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int cells = 0;
            for (int ph = 0; ph < k.kh(); ph++) {
              for (int pw = 0; pw < k.kw(); pw++) {
                int ih = oh * k.sh() - k.top(in.h()) + ph;
                int iw = ow * k.sw() - k.left(in.w()) + pw;
                if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                  continue;
                }
                double v = inp[in.at(b, ih, iw, c)];
                best = Math.max(best, v);
                sum += v;
                cells++;
              }
            }
            out[o.at(b, oh, ow, c)] = max ? best : sum / cells;
          }
        }
      }
    }
  }

  /** Gradient of {@link #poolForward} w.r.t. its input. */
  static void poolBackward(
      double[] dinp, double[] dout, double[] inp, int n, Dims in, Window k, boolean max) {
    Dims o = new Dims(k.outH(in.h()), k.outW(in.w()), in.c(), true);
    for (int b = 0; b < n; b++) {
      for (int oh = 0; oh < o.h(); oh++) {
        for (int ow = 0; ow < o.w(); ow++) {
          for (int c = 0; c < in.c(); c++) {
            double d = dout[o.at(b, oh, ow, c)];
            int argmax = -1;
            int cells = 0;
            for (int ph = 0; ph < k.kh(); ph++) {
              for (int pw = 0; pw < k.kw(); pw++) {
                int ih = oh * k.sh() - k.top(in.h()) + ph;
                int iw = ow * k.sw() - k.left(in.w()) + pw;
                if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                  continue;
                }
                int xi = in.at(b, ih, iw, c);
                if (argmax < 0 || inp[xi] > inp[argmax]) {
                  argmax = xi;
                }
                cells++;
              }
            }
            if (max) {
              dinp[argmax] += d;
              continue;
            }
            for (int ph = 0; ph < k.kh(); ph++) {
              for (int pw = 0; pw < k.kw(); pw++) {
                int ih = oh * k.sh() - k.top(in.h()) + ph;
                int iw = ow * k.sw() - k.left(in.w()) + pw;
                if (ih < 0 || ih >= in.h() || iw < 0 || iw >= in.w()) {
                  continue;
                }
                dinp[in.at(b, ih, iw, c)] += d / cells;
              }
            }
          }
        }
      }
    }
  }

  /** Max or mean over all positions, per channel: out[b][c]. */
  static void globalForward(double[] out, double[] inp, int n, Dims in, boolean max) {
    for (int b = 0; b < n; b++) {
      for (int c = 0; c < in.c(); c++) {
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int y = 0; y < in.h(); y++) {
          for (int x = 0; x < in.w(); x++) {
            best = Math.max(best, inp[in.at(b, y, x, c)]);
            sum += inp[in.at(b, y, x, c)];
          }
        }
        out[b * in.c() + c] = max ? best : sum / (in.h() * in.w());
      }
    }
  }

  /** Gradient of {@link #globalForward} w.r.t. its input (first maximum for max). */
  static void globalBackward(
      double[] dinp, double[] dout, double[] inp, int n, Dims in, boolean max) {
    for (int b = 0; b < n; b++) {
      for (int c = 0; c < in.c(); c++) {
        double d = dout[b * in.c() + c];
        int argmax = -1;
        for (int y = 0; y < in.h(); y++) {
          for (int x = 0; x < in.w(); x++) {
            int xi = in.at(b, y, x, c);
            if (argmax < 0 || inp[xi] > inp[argmax]) {
              argmax = xi;
            }
            if (!max) {
              dinp[xi] += d / (in.h() * in.w());
            }
          }
        }
        if (max) {
          dinp[argmax] += d;
        }
      }
    }
  }

  /** Zeros around the input: {@code top} rows above, {@code left} columns before. */
  static void zeroPadForward(
      double[] out, double[] inp, int n, Dims in, Dims o, int top, int left) {
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < o.h(); y++) {
        for (int x = 0; x < o.w(); x++) {
          for (int c = 0; c < o.c(); c++) {
            int iy = y - top;
            int ix = x - left;
            boolean real = iy >= 0 && iy < in.h() && ix >= 0 && ix < in.w();
            out[o.at(b, y, x, c)] = real ? inp[in.at(b, iy, ix, c)] : 0;
          }
        }
      }
    }
  }

  /** Gradient of {@link #zeroPadForward}: the inner window of {@code dout}. */
  static void zeroPadBackward(
      double[] dinp, double[] dout, int n, Dims in, Dims o, int top, int left) {
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < in.h(); y++) {
        for (int x = 0; x < in.w(); x++) {
          for (int c = 0; c < in.c(); c++) {
            dinp[in.at(b, y, x, c)] += dout[o.at(b, y + top, x + left, c)];
          }
        }
      }
    }
  }
}
