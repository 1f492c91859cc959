package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Blas} on {@code jdk.incubator.vector} lanes: vector body, scalar tail. Loaded only when
 * {@link VectorSupport#enabled()}.
 */
final class VectorBlas {
  private static final VectorSpecies<Float> S = Lanes.SPECIES;
  private static final int L = S.length();

  /** Lane i takes lane i + k (mod L): the steps of {@link #sum}'s fixed tree. */
  private static final VectorShuffle<Float> UP8 = VectorShuffle.fromOp(S, i -> (i + 8) % L);

  private static final VectorShuffle<Float> UP4 = VectorShuffle.fromOp(S, i -> (i + 4) % L);
  private static final VectorShuffle<Float> UP2 = VectorShuffle.fromOp(S, i -> (i + 2) % L);
  private static final VectorShuffle<Float> UP1 = VectorShuffle.fromOp(S, i -> (i + 1) % L);

  private VectorBlas() {}

  /**
   * The sum of v's lanes in one fixed order, the same bits in interpreted, C1 and C2 code: lane i
   * adds lane i + L/2, then i + L/4, and so on. {@code reduceLanes(ADD)} may not: JDK 25's C2 sums
   * in another order than the Java fallback that runs before it, so a training run's last bits
   * depended on when the JIT compiled a kernel (a resumed run differed from an uninterrupted one in
   * the last place). Callers must keep it inlined (it is small): a vector argument is boxed
   * otherwise.
   */
  static float sum(FloatVector v) {
    if (L > 8) {
      v = v.add(v.rearrange(UP8));
    }
    if (L > 4) {
      v = v.add(v.rearrange(UP4));
    }
    if (L > 2) {
      v = v.add(v.rearrange(UP2));
    }
    if (L > 1) {
      v = v.add(v.rearrange(UP1));
    }
    return v.lane(0);
  }

  static void axpy(float a, float[] x, int xo, float[] y, int yo, int n) {
    FloatVector av = FloatVector.broadcast(S, a);
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector xv = FloatVector.fromArray(S, x, xo + i);
      FloatVector yv = FloatVector.fromArray(S, y, yo + i);
      xv.fma(av, yv).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] += a * x[xo + i];
    }
  }

  static float dot(float[] x, int xo, float[] y, int yo, int n) {
    int i = 0;
    float s = 0f;
    if (n >= L) {
      FloatVector acc0 = FloatVector.zero(S);
      FloatVector acc1 = FloatVector.zero(S);
      for (; i + 2 * L <= n; i += 2 * L) {
        acc0 = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), acc0);
        acc1 =
            FloatVector.fromArray(S, x, xo + i + L)
                .fma(FloatVector.fromArray(S, y, yo + i + L), acc1);
      }
      if (i + L <= n) {
        acc0 = FloatVector.fromArray(S, x, xo + i).fma(FloatVector.fromArray(S, y, yo + i), acc0);
        i += L;
      }
      s = sum(acc0.add(acc1)); // one reduction, in a fixed order
    }
    for (; i < n; i++) {
      s += x[xo + i] * y[yo + i];
    }
    return s;
  }

  /** As {@link ScalarBlas#allFinite}, four vectors at a time. */
  static boolean allFinite(float[] a, int from, int to) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    int i = from;
    for (; i + 4 * L <= to; i += 4 * L) {
      FloatVector v0 = FloatVector.fromArray(S, a, i);
      FloatVector v1 = FloatVector.fromArray(S, a, i + L);
      FloatVector v2 = FloatVector.fromArray(S, a, i + 2 * L);
      FloatVector v3 = FloatVector.fromArray(S, a, i + 3 * L);
      c0 = c0.add(v0.sub(v0));
      c1 = c1.add(v1.sub(v1));
      c2 = c2.add(v2.sub(v2));
      c3 = c3.add(v3.sub(v3));
    }
    float s = c0.add(c1).add(c2.add(c3)).reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      s += a[i] - a[i];
    }
    return s == 0f;
  }
}
