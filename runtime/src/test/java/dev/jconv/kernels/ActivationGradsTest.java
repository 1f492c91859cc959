package dev.jconv.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector ReLU, RELU6 and leaky ReLU backward against their scalar twins on awkward sizes, in
 * place and adding.
 */
class ActivationGradsTest {
  @Test
  void vectorReluMatchesScalar() {
    Random r = new Random(5);
    for (int n : new int[] {1, 3, 7, 13, 16, 17, 33, 207}) {
      for (boolean add : new boolean[] {false, true}) {
        float[] y = Naive.random(r, n + 2);
        y[1] = 0f; // exactly zero: no gradient, as the scalar rule [y > 0]
        float[] dy = Naive.random(r, n + 1);
        float[] a = Naive.random(r, n + 3);
        float[] b = a.clone();
        int from = VectorActivationGrads.relu(y, 2, dy, 1, a, 3, n, add);
        ActivationGrads.reluScalar(y, 2, dy, 1, a, 3, from, n, add);
        ActivationGrads.reluScalar(y, 2, dy, 1, b, 3, 0, n, add);
        assertArrayEquals(b, a, "n=" + n + " add=" + add);
      }
    }
  }

  @Test
  void inPlaceReluMatchesScalar() {
    Random r = new Random(6);
    float[] y = Naive.random(r, 50);
    float[] a = Naive.random(r, 50);
    float[] b = a.clone();
    ActivationGrads.relu(y, 0, a, 0, a, 0, 50, false);
    ActivationGrads.reluScalar(y, 0, b, 0, b, 0, 0, 50, false);
    assertArrayEquals(b, a);
  }

  @Test
  void vectorRelu6AndLeakyReluMatchScalar() {
    Random r = new Random(7);
    for (int kind = 0; kind < 2; kind++) {
      for (int n : new int[] {1, 3, 7, 13, 16, 17, 33, 207}) {
        for (boolean add : new boolean[] {false, true}) {
          float[] y = Naive.random(r, n + 2);
          for (int i = 0; i < y.length; i++) {
            y[i] *= 8f; // values above 6 too
          }
          y[1] = 0f;
          y[y.length - 1] = 6f; // the edges of RELU6: no gradient
          float[] dy = Naive.random(r, n + 1);
          float[] a = Naive.random(r, n + 3);
          float[] b = a.clone();
          if (kind == 0) {
            int from = VectorActivationGrads.relu6(y, 2, dy, 1, a, 3, n, add);
            ActivationGrads.relu6Scalar(y, 2, dy, 1, a, 3, from, n, add);
            ActivationGrads.relu6Scalar(y, 2, dy, 1, b, 3, 0, n, add);
          } else {
            int from = VectorActivationGrads.leakyRelu(y, 2, dy, 1, a, 3, n, add);
            ActivationGrads.leakyReluScalar(y, 2, dy, 1, a, 3, from, n, add);
            ActivationGrads.leakyReluScalar(y, 2, dy, 1, b, 3, 0, n, add);
          }
          assertArrayEquals(b, a, "kind=" + kind + " n=" + n + " add=" + add);
        }
      }
    }
  }
}
