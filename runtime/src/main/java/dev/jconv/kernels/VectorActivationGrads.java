package dev.jconv.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationGrads} on {@code FloatVector} lanes where the scalar loop is on the training
 * pass's hot path (ReLU after every convolution): a lane mask instead of a branch per value. Loaded
 * only when {@link VectorSupport#enabled()}.
 */
final class VectorActivationGrads {
  private static final VectorSpecies<Float> S = Lanes.SPECIES;
  private static final int L = S.length();

  private VectorActivationGrads() {}

  /** {@code dz (+)= [y > 0] dy} over the whole vectors; returns where the scalar tail starts. */
  static int relu(float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    int i = 0;
    FloatVector zero = FloatVector.zero(S);
    for (; i + L <= n; i += L) {
      FloatVector d = FloatVector.fromArray(S, dy, dyo + i);
      FloatVector g =
          zero.blend(d, FloatVector.fromArray(S, y, yo + i).compare(VectorOperators.GT, 0f));
      if (add) {
        g = g.add(FloatVector.fromArray(S, dz, dzo + i));
      }
      g.intoArray(dz, dzo + i);
    }
    return i;
  }

  /**
   * {@code dz (+)= [0 < y < 6] dy} over the whole vectors; returns where the scalar tail starts.
   */
  static int relu6(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    int i = 0;
    FloatVector zero = FloatVector.zero(S);
    for (; i + L <= n; i += L) {
      FloatVector v = FloatVector.fromArray(S, y, yo + i);
      FloatVector g =
          zero.blend(
              FloatVector.fromArray(S, dy, dyo + i),
              v.compare(VectorOperators.GT, 0f).and(v.compare(VectorOperators.LT, 6f)));
      if (add) {
        g = g.add(FloatVector.fromArray(S, dz, dzo + i));
      }
      g.intoArray(dz, dzo + i);
    }
    return i;
  }

  /** {@code dz (+)= (y > 0 ? 1 : slope) dy} over the whole vectors; returns the tail's start. */
  static int leakyRelu(
      float[] y, int yo, float[] dy, int dyo, float[] dz, int dzo, int n, boolean add) {
    int i = 0;
    for (; i + L <= n; i += L) {
      FloatVector d = FloatVector.fromArray(S, dy, dyo + i);
      FloatVector g =
          d.mul(Activations.LEAKY_SLOPE)
              .blend(d, FloatVector.fromArray(S, y, yo + i).compare(VectorOperators.GT, 0f));
      if (add) {
        g = g.add(FloatVector.fromArray(S, dz, dzo + i));
      }
      g.intoArray(dz, dzo + i);
    }
    return i;
  }
}
