package dev.jconv.kernels;

import dev.jconv.parallel.Parallel;

/**
 * Training-mode BatchNormalization over the last (channel) axis of a batch of NHWC activations:
 * {@code n} examples of {@code positions} pixels by {@code c} channels, each example's tensor
 * contiguous and the examples {@code xs} (input) or {@code ys} (output) floats apart.
 *
 * <p>The statistics array {@code st} holds, from {@code so}, {@link #STATS} times {@code c} floats:
 * the batch mean, the inverse standard deviation, {@code sum(dy) / M} and {@code sum(dy * xhat) /
 * M} (M = n * positions), then scratch the kernels overwrite. The forward makes one pass for the
 * sums and one to normalise; the backward one pass for its two sums and one for {@code dx}.
 *
 * <p>Numerics: the mean and variance come from sums of {@code x - k}, where {@code k} is the
 * channel's first value in the batch (a shift that keeps the one-pass variance from cancelling);
 * sums run in float over at most {@link #CHUNK} positions of one example (a run), the threads split
 * the examples and store each run's partial sums, and the caller adds the partials into float
 * totals in example order, so no single float sum runs over more than a few thousand terms and the
 * bits do not depend on the thread count. Dispatched to SIMD ({@link VectorBatchNorms}) or plain
 * loops ({@link ScalarBatchNorms}), which sum in the same order per lane.
 */
public final class BatchNorms {
  private static final boolean SIMD = VectorSupport.enabled();

  private static final ThreadLocal<Job> JOBS = ThreadLocal.withInitial(Job::new);

  /** Floats of {@code st} per channel that the kernels use. */
  public static final int STATS = 8;

  /** Most positions one float partial sum runs over before it is added to the totals. */
  static final int CHUNK = 4096;

  private BatchNorms() {}

  /**
   * The training forward: batch mean and biased variance per channel, {@code y = gamma * (x - mean)
   * / sqrt(var + eps) + beta}, and the moving statistics moved by {@code momentum} ({@code moving =
   * moving * momentum + batch * (1 - momentum)}). Writes the mean and inverse standard deviation to
   * {@code st[so...]}.
   *
   * @param gamma offset of gamma in {@code w}, or -1 when the layer does not scale
   * @param beta offset of beta in {@code w}, or -1 when the layer does not centre
   */
  public static void trainForward(
      float[] x,
      int xo,
      int xs,
      float[] y,
      int yo,
      int ys,
      int n,
      int positions,
      int c,
      float[] w,
      int gamma,
      int beta,
      int movingMean,
      int movingVar,
      double momentum,
      double eps,
      float[] st,
      int so) {
    trainForward(
        SIMD,
        x,
        xo,
        xs,
        y,
        yo,
        ys,
        n,
        positions,
        c,
        w,
        gamma,
        beta,
        movingMean,
        movingVar,
        momentum,
        eps,
        st,
        so);
  }

  /** {@link #trainForward} on lanes or in plain loops. */
  static void trainForward(
      boolean simd,
      float[] x,
      int xo,
      int xs,
      float[] y,
      int yo,
      int ys,
      int n,
      int positions,
      int c,
      float[] w,
      int gamma,
      int beta,
      int movingMean,
      int movingVar,
      double momentum,
      double eps,
      float[] st,
      int so) {
    int mean = so;
    int inv = so + c;
    int t1 = so + 4 * c;
    int t2 = so + 5 * c;
    int k = so + 7 * c;
    for (int ch = 0; ch < c; ch++) {
      st[k + ch] = x[xo + ch];
      st[t1 + ch] = 0f;
      st[t2 + ch] = 0f;
    }
    Job job = JOBS.get();
    job.set(Job.FORWARD_SUMS, simd, x, xo, xs, null, 0, 0, n, positions, c, st, so);
    job.runOver(n);
    job.addPartials(t1, t2);
    double count = (double) n * positions;
    for (int ch = 0; ch < c; ch++) {
      double d = st[t1 + ch] / count;
      double m = st[k + ch] + d;
      double var = Math.max(0.0, st[t2 + ch] / count - d * d);
      double invStd = 1.0 / Math.sqrt(var + eps);
      st[mean + ch] = (float) m;
      st[inv + ch] = (float) invStd;
      float scale = (float) (gamma < 0 ? invStd : w[gamma + ch] * invStd);
      st[t1 + ch] = scale;
      st[t2 + ch] = (beta < 0 ? 0f : w[beta + ch]) - (float) m * scale;
      w[movingMean + ch] = (float) (w[movingMean + ch] * momentum + m * (1 - momentum));
      w[movingVar + ch] = (float) (w[movingVar + ch] * momentum + var * (1 - momentum));
    }
    job.set(Job.AFFINE, simd, x, xo, xs, y, yo, ys, n, positions, c, st, so);
    job.runOver(n);
  }

  /**
   * The training backward, with {@code M = n * positions}: {@code dx += gamma * invstd / M * (M dy
   * - sum(dy) - xhat * sum(dy xhat))}, {@code g[gamma] += sum(dy xhat)}, {@code g[beta] +=
   * sum(dy)}. Reads the mean and inverse standard deviation the forward wrote; writes {@code
   * sum(dy) / M} and {@code sum(dy xhat) / M} to {@code st[so + 2c...]}. {@code g} null: no
   * parameter gradients; {@code dx} null: no input gradient.
   */
  public static void trainBackward(
      float[] x,
      int xo,
      int xs,
      float[] dy,
      int dyo,
      int dys,
      float[] dx,
      int dxo,
      int dxs,
      int n,
      int positions,
      int c,
      float[] w,
      int gamma,
      int beta,
      float[] g,
      float[] st,
      int so) {
    trainBackward(
        SIMD, x, xo, xs, dy, dyo, dys, dx, dxo, dxs, n, positions, c, w, gamma, beta, g, st, so);
  }

  /** {@link #trainBackward} on lanes or in plain loops. */
  static void trainBackward(
      boolean simd,
      float[] x,
      int xo,
      int xs,
      float[] dy,
      int dyo,
      int dys,
      float[] dx,
      int dxo,
      int dxs,
      int n,
      int positions,
      int c,
      float[] w,
      int gamma,
      int beta,
      float[] g,
      float[] st,
      int so) {
    int mean = so;
    int inv = so + c;
    int t1 = so + 4 * c;
    int t2 = so + 5 * c;
    for (int ch = 0; ch < c; ch++) {
      st[t1 + ch] = 0f;
      st[t2 + ch] = 0f;
    }
    Job job = JOBS.get();
    job.set(Job.BACKWARD_SUMS, simd, x, xo, xs, dy, dyo, dys, n, positions, c, st, so);
    job.runOver(n);
    job.addPartials(t1, t2);
    double count = (double) n * positions;
    int k1 = so + 4 * c;
    int k2 = so + 5 * c;
    int k3 = so + 6 * c;
    for (int ch = 0; ch < c; ch++) {
      float invStd = st[inv + ch];
      float sumDy = st[t1 + ch];
      float sumDyXhat = st[t2 + ch] * invStd;
      if (g != null) {
        if (gamma >= 0) {
          g[gamma + ch] += sumDyXhat;
        }
        if (beta >= 0) {
          g[beta + ch] += sumDy;
        }
      }
      float a = (float) (sumDy / count);
      float b = (float) (sumDyXhat / count);
      st[so + 2 * c + ch] = a;
      st[so + 3 * c + ch] = b;
      // dx += gi (dy - a - (x - mean) invStd b) = k1 dy + k2 x + k3.
      float gi = gamma < 0 ? invStd : w[gamma + ch] * invStd;
      float c2 = -gi * invStd * b;
      st[k1 + ch] = gi;
      st[k2 + ch] = c2;
      st[k3 + ch] = -gi * a - c2 * st[mean + ch];
    }
    if (dx == null) {
      job.clear();
      return;
    }
    job.dx = dx;
    job.dxo = dxo;
    job.dxs = dxs;
    job.phase = Job.INPUT_GRAD;
    job.runOver(n);
  }

  /**
   * One thread's call of the kernels, spread over {@link Parallel}'s threads, which split the
   * examples: the sums store one partial per run of positions in {@link #partials} (whatever the
   * thread count, every channel then sums in the same order), the elementwise passes write their
   * examples. One per calling thread, so that concurrent training passes do not share one; a warm
   * call allocates nothing.
   */
  private static final class Job implements Parallel.ChunkBody {
    static final int FORWARD_SUMS = 0;
    static final int AFFINE = 1;
    static final int BACKWARD_SUMS = 2;
    static final int INPUT_GRAD = 3;

    int phase;
    boolean simd;
    float[] x;
    int xo;
    int xs;
    float[] y;
    int yo;
    int ys;
    float[] dx;
    int dxo;
    int dxs;
    int n;
    int positions;
    int c;
    float[] st;
    int so;

    /** Runs of at most {@link #CHUNK} positions per example. */
    int runs;

    /** Two sums per channel per run, example-major; grown to the largest layer, then reused. */
    float[] partials = new float[0];

    void set(
        int phase,
        boolean simd,
        float[] x,
        int xo,
        int xs,
        float[] y,
        int yo,
        int ys,
        int n,
        int positions,
        int c,
        float[] st,
        int so) {
      this.phase = phase;
      this.simd = simd;
      this.x = x;
      this.xo = xo;
      this.xs = xs;
      this.y = y;
      this.yo = yo;
      this.ys = ys;
      this.n = n;
      this.positions = positions;
      this.c = c;
      this.st = st;
      this.so = so;
      this.runs = (positions + CHUNK - 1) / CHUNK;
      if (phase == FORWARD_SUMS || phase == BACKWARD_SUMS) {
        int size = n * runs * 2 * c;
        if (partials.length < size) {
          partials = new float[size];
        }
      }
    }

    /** {@code st[t1 + ch] += } the first sums of every run, {@code st[t2 + ch] +=} the second. */
    void addPartials(int t1, int t2) {
      float[] p = partials;
      for (int r = 0; r < n * runs; r++) {
        int o = r * 2 * c;
        for (int ch = 0; ch < c; ch++) {
          st[t1 + ch] += p[o + ch];
          st[t2 + ch] += p[o + c + ch];
        }
      }
    }

    /** Runs the phase over {@code count} units or examples; drops the arrays after the forward. */
    void runOver(int count) {
      try {
        Parallel.forChunks(count, this);
      } finally {
        if (phase == AFFINE) {
          clear();
        }
      }
    }

    /** Drops the references to the caller's arrays. */
    void clear() {
      x = null;
      y = null;
      dx = null;
      st = null;
    }

    @Override
    public void run(int chunk, int from, int to) {
      int t1 = so + 4 * c;
      switch (phase) {
        case FORWARD_SUMS -> {
          int k = so + 7 * c;
          for (int e = from; e < to; e++) {
            for (int r = 0; r < runs; r++) {
              int p0 = r * CHUNK;
              int count = Math.min(CHUNK, positions - p0);
              int xi = xo + e * xs + p0 * c;
              int o = (e * runs + r) * 2 * c;
              if (simd) {
                VectorBatchNorms.forwardSums(x, xi, count, c, st, k, partials, o);
              } else {
                ScalarBatchNorms.forwardSums(x, xi, count, c, st, k, partials, o, 0);
              }
            }
          }
        }
        case AFFINE -> {
          int xe = xo + from * xs;
          int ye = yo + from * ys;
          if (simd) {
            VectorBatchNorms.affine(x, xe, xs, y, ye, ys, to - from, positions, c, st, t1, t1 + c);
          } else {
            ScalarBatchNorms.affine(
                x, xe, xs, y, ye, ys, to - from, positions, c, st, t1, t1 + c, 0);
          }
        }
        case BACKWARD_SUMS -> {
          for (int e = from; e < to; e++) {
            for (int r = 0; r < runs; r++) {
              int p0 = r * CHUNK;
              int count = Math.min(CHUNK, positions - p0);
              int xi = xo + e * xs + p0 * c;
              int di = yo + e * ys + p0 * c;
              int o = (e * runs + r) * 2 * c;
              if (simd) {
                VectorBatchNorms.backwardSums(x, xi, y, di, count, c, st, so, partials, o);
              } else {
                ScalarBatchNorms.backwardSums(x, xi, y, di, count, c, st, so, partials, o, 0);
              }
            }
          }
        }
        case INPUT_GRAD -> {
          int xe = xo + from * xs;
          int de = yo + from * ys;
          int dxe = dxo + from * dxs;
          int m = to - from;
          if (simd) {
            VectorBatchNorms.inputGrad(x, xe, xs, y, de, ys, dx, dxe, dxs, m, positions, c, st, t1);
          } else {
            ScalarBatchNorms.inputGrad(
                x, xe, xs, y, de, ys, dx, dxe, dxs, m, positions, c, st, t1, 0);
          }
        }
        default -> throw new IllegalStateException("phase " + phase);
      }
    }
  }
}
