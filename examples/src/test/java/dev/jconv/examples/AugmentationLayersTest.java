package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.compiled.CompiledModel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The augmentation layers on generated models: each against a hand-computed case of Keras's formula
 * in training, deterministic for a seed and different per example, and the identity at inference
 * (bit for bit the network without them).
 */
class AugmentationLayersTest {
  /** A generated layer's training forward, {@code Scalar.<name>ForwardTrain}. */
  private interface Forward {
    void run(float[] x, int xo, float[] a, int ao, long seed, int example);
  }

  /** The layer's training output for one example; the layer is first, so its output is at 0. */
  private static float[] train(Forward f, float[] x, long seed, int example) {
    float[] a = new float[x.length * 4];
    f.run(x, 0, a, 0, seed, example);
    return Arrays.copyOf(a, x.length);
  }

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextFloat();
    }
    return x;
  }

  private static float at(float[] x, int w, int c, int row, int col, int ch) {
    return x[(row * w + col) * c + ch];
  }

  @Test
  void flipMirrorsRowsOrNothingAndIsAnInvolution() {
    Forward f = AugmentationNets_FlipNetModel.Scalar::flipForwardTrain;
    float[] x = random(4 * 5 * 3, 1);
    int flipped = 0;
    for (int e = 0; e < 32; e++) {
      float[] y = train(f, x, 7, e);
      boolean mirrored = !Arrays.equals(x, y);
      for (int r = 0; r < 4; r++) {
        for (int col = 0; col < 5; col++) {
          for (int ch = 0; ch < 3; ch++) {
            int from = mirrored ? 4 - col : col;
            assertEquals(at(x, 5, 3, r, from, ch), at(y, 5, 3, r, col, ch));
          }
        }
      }
      assertArrayEquals(x, train(f, y, 7, e), "the same flip twice is the identity");
      flipped += mirrored ? 1 : 0;
    }
    assertTrue(flipped > 4 && flipped < 28, "about half flipped, got " + flipped + " of 32");
  }

  @Test
  void translationMovesContentDownAndFillsWithTheConstant() {
    Forward f = AugmentationNets_ShiftNetModel.Scalar::shiftForwardTrain;
    float[] x = random(4 * 5 * 2, 2);
    float[] y = train(f, x, 3, 0);
    for (int r = 0; r < 4; r++) {
      for (int col = 0; col < 5; col++) {
        for (int ch = 0; ch < 2; ch++) {
          float want = r < 2 ? 0.25f : at(x, 5, 2, r - 2, col, ch);
          assertEquals(want, at(y, 5, 2, r, col, ch), "row " + r + " column " + col);
        }
      }
    }
  }

  @Test
  void quarterTurnIsTransposeAndFlip() {
    Forward f = AugmentationNets_TurnNetModel.Scalar::turnForwardTrain;
    float[] x = random(5 * 5 * 2, 3);
    float[] y = train(f, x, 4, 0);
    for (int r = 0; r < 5; r++) {
      for (int col = 0; col < 5; col++) {
        for (int ch = 0; ch < 2; ch++) {
          // Counter-clockwise: the right column becomes the top row.
          assertEquals(at(x, 5, 2, col, 4 - r, ch), at(y, 5, 2, r, col, ch));
        }
      }
    }
  }

  @Test
  void zoomInTwiceReadsTheCentre() {
    Forward f = AugmentationNets_ZoomNetModel.Scalar::zoomForwardTrain;
    float[] x = random(5 * 5, 4);
    float[] y = train(f, x, 5, 0);
    // Output (r, c) reads the input at centre + (p - centre) / 2, the centre being (2, 2).
    for (int r = 0; r < 5; r += 2) {
      for (int col = 0; col < 5; col += 2) {
        assertEquals(at(x, 5, 1, 1 + r / 2, 1 + col / 2, 0), at(y, 5, 1, r, col, 0));
      }
    }
  }

  @Test
  void contrastScalesEachChannelAboutItsMeanByOneFactor() {
    Forward f = AugmentationNets_ContrastNetModel.Scalar::contrastForwardTrain;
    float[] x = random(4 * 4 * 3, 5);
    Set<Float> factors = new HashSet<>();
    for (int e = 0; e < 8; e++) {
      float[] y = train(f, x, 6, e);
      double[] mean = new double[3];
      for (int i = 0; i < x.length; i++) {
        mean[i % 3] += x[i] / 16.0;
      }
      // (x - mean) * f + mean: f from any one value, then every value must agree.
      double factor = (y[0] - mean[0]) / (x[0] - mean[0]);
      assertTrue(factor >= 0.5 - 1e-4 && factor <= 1.5 + 1e-4, "factor " + factor);
      for (int i = 0; i < x.length; i++) {
        double want = (x[i] - mean[i % 3]) * factor + mean[i % 3];
        assertEquals(want, y[i], 1e-5, "value " + i);
      }
      factors.add((float) factor);
    }
    assertTrue(factors.size() > 6, "each example its own factor: " + factors);
  }

  @Test
  void brightnessAddsHalfTheRangeAndClips() {
    Forward f = AugmentationNets_BrightNetModel.Scalar::brightForwardTrain;
    float[] x = random(4 * 4 * 3, 6);
    float[] y = train(f, x, 8, 0);
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.min(1f, x[i] + 0.5f), y[i], "value " + i);
    }
  }

  @Test
  void noiseHasTheStandardDeviationAndIsNotClipped() {
    Forward f = AugmentationNets_NoiseNetModel.Scalar::noiseForwardTrain;
    float[] x = new float[16 * 16 * 3];
    Arrays.fill(x, 1f);
    float[] y = train(f, x, 9, 0);
    double sum = 0;
    double squares = 0;
    boolean above = false;
    for (float v : y) {
      sum += v - 1;
      squares += (v - 1) * (v - 1);
      above |= v > 1;
    }
    double mean = sum / y.length;
    double std = Math.sqrt(squares / y.length - mean * mean);
    assertEquals(0, mean, 0.02);
    assertEquals(0.1, std, 0.015);
    assertTrue(above, "values above the [0, 1] range are kept");
  }

  @Test
  void theSameSeedGivesTheSameImagesAndExamplesDiffer() {
    Forward f = AugmentationNets_ContrastNetModel.Scalar::contrastForwardTrain;
    float[] x = random(4 * 4 * 3, 7);
    assertArrayEquals(train(f, x, 11, 3), train(f, x, 11, 3));
    assertFalse(Arrays.equals(train(f, x, 11, 3), train(f, x, 11, 4)), "examples differ");
    assertFalse(Arrays.equals(train(f, x, 11, 3), train(f, x, 12, 3)), "steps differ");

    AugmentationNets_AugmentedNetModel model = new AugmentationNets_AugmentedNetModel(1);
    float[] batch = random(4 * 6 * 6 * 3, 8);
    int[] labels = {0, 1, 2, 0};
    float[] g1 = new float[model.weights().length];
    float[] g2 = new float[g1.length];
    float[] g3 = new float[g1.length];
    float loss1 = model.backpropagate(batch, labels, 4, g1, null, 21);
    float loss2 = model.backpropagate(batch, labels, 4, g2, null, 21);
    model.backpropagate(batch, labels, 4, g3, null, 22);
    assertEquals(loss1, loss2);
    assertArrayEquals(g1, g2, "a resumed run repeats the same step");
    assertFalse(Arrays.equals(g1, g3), "another step, other images");
  }

  @Test
  void inferenceIsBitForBitTheNetworkWithoutThem() {
    CompiledModel plain = new AugmentationNets_PlainNetModel(3);
    CompiledModel augmented = new AugmentationNets_AugmentedNetModel(4);
    System.arraycopy(plain.weights(), 0, augmented.weights(), 0, plain.weights().length);
    assertEquals(plain.weights().length, augmented.weights().length);
    float[] x = random(5 * 6 * 6 * 3, 9);
    float[] want = new float[5 * 3];
    float[] got = new float[5 * 3];
    plain.predict(x, 5, want);
    augmented.predict(x, 5, got);
    assertArrayEquals(want, got);
    assertArrayEquals(
        plain.predict(Arrays.copyOf(x, 108)), augmented.predict(Arrays.copyOf(x, 108)));
  }

  @Test
  void zeroStrengthTrainsExactlyAsTheNetworkWithoutThem() {
    CompiledModel plain = new AugmentationNets_PlainNetModel(3);
    CompiledModel zero = new AugmentationNets_ZeroNetModel(4);
    System.arraycopy(plain.weights(), 0, zero.weights(), 0, plain.weights().length);
    float[] x = random(4 * 6 * 6 * 3, 10);
    int[] labels = {2, 1, 0, 1};
    float[] want = new float[plain.weights().length];
    float[] got = new float[want.length];
    float[] wantIn = new float[x.length];
    float[] gotIn = new float[x.length];
    assertEquals(
        plain.backpropagate(x, labels, 4, want, wantIn, 5),
        zero.backpropagate(x, labels, 4, got, gotIn, 5));
    assertArrayEquals(want, got);
    assertArrayEquals(wantIn, gotIn, "the input gradient passes through");
    float[] outPlain = new float[4 * 3];
    float[] outZero = new float[4 * 3];
    plain.trainingOutputs(outPlain, 4);
    zero.trainingOutputs(outZero, 4);
    assertArrayEquals(outPlain, outZero);
  }
}
