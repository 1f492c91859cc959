package dev.jconv.augment;

import static dev.jconv.augment.Images.apply;
import static dev.jconv.augment.Images.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Known answers of the geometric transforms on small synthetic images. */
class GeometricTest {
  @Test
  void aShiftMovesAPixelWhereItShould() {
    float[] x = new float[8 * 8];
    x[1 * 8 + 1] = 1; // row 1, column 1
    // 0.25 of 8 rows down, 0.125 of 8 columns right: (1, 1) -> (3, 2)
    float[] y = apply(Translate.of(0.25, 0.25, 0.125, 0.125).fill(Fill.CONSTANT), x, 8, 8, 1, 1);
    float[] expected = new float[64];
    expected[3 * 8 + 2] = 1;
    assertArrayEquals(expected, y);
  }

  @Test
  void aHalfPixelShiftAveragesNeighbours() {
    float[] x = {0, 2, 4, 6};
    float[] y = apply(Translate.of(0, 0, 0.125, 0.125).fill(Fill.NEAREST), x, 1, 4, 1, 1);
    assertArrayEquals(new float[] {0, 1, 3, 5}, y, 1e-6f);
  }

  @Test
  void fillModesFollowKeras() {
    // a b c d = 0 1 2 3; reads at -3..6
    int[] constant = {-1, -1, -1, 0, 1, 2, 3, -1, -1, -1};
    int[] nearest = {0, 0, 0, 0, 1, 2, 3, 3, 3, 3};
    int[] reflect = {2, 1, 0, 0, 1, 2, 3, 3, 2, 1}; // d c b a | a b c d | d c b a
    int[] wrap = {1, 2, 3, 0, 1, 2, 3, 0, 1, 2};
    for (int i = -3; i <= 6; i++) {
      assertEquals(constant[i + 3], Fill.CONSTANT.index(i, 4));
      assertEquals(nearest[i + 3], Fill.NEAREST.index(i, 4));
      assertEquals(reflect[i + 3], Fill.REFLECT.index(i, 4));
      assertEquals(wrap[i + 3], Fill.WRAP.index(i, 4));
    }
  }

  @Test
  void shiftFillsTheUncoveredColumnByTheMode() {
    float[] x = {1, 2, 3, 4};
    Translate right = Translate.of(0, 0, 0.25, 0.25);
    assertArrayEquals(new float[] {9, 1, 2, 3}, apply(right.fill(Fill.CONSTANT, 9), x, 1, 4, 1, 1));
    assertArrayEquals(new float[] {1, 1, 2, 3}, apply(right.fill(Fill.NEAREST), x, 1, 4, 1, 1));
    assertArrayEquals(new float[] {1, 1, 2, 3}, apply(right.fill(Fill.REFLECT), x, 1, 4, 1, 1));
    assertArrayEquals(new float[] {4, 1, 2, 3}, apply(right.fill(Fill.WRAP), x, 1, 4, 1, 1));
  }

  @Test
  void rotationBy90DegreesIsTransposeAndFlip() {
    for (int n : new int[] {4, 5}) {
      float[] x = Images.random(n, n, 3, n);
      float[] y = apply(Rotate.of(0.25, 0.25), x, n, n, 3, 1);
      assertArrayEquals(Images.rot90(x, n, 3), y, "n = " + n);
      float[] back = apply(Rotate.of(-0.25, -0.25), y, n, n, 3, 1);
      assertArrayEquals(x, back);
      float[] nearest =
          apply(Rotate.of(0.25, 0.25).interpolation(Interpolation.NEAREST), x, n, n, 3, 2);
      assertArrayEquals(y, nearest);
    }
  }

  @Test
  void flipsAreInvolutions() {
    float[] x = Images.random(5, 6, 3, 3);
    for (Flip f : new Flip[] {Flip.horizontal(), Flip.vertical(), Flip.both()}) {
      Flip always = f.probability(1);
      float[] once = apply(always, x, 5, 6, 3, 1);
      assertNotEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(once));
      assertArrayEquals(x, apply(always, once, 5, 6, 3, 2));
    }
    float[] h = apply(Flip.horizontal().probability(1), x, 5, 6, 3, 1);
    for (int y = 0; y < 5; y++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(at(x, 6, 3, y, 0, c), at(h, 6, 3, y, 5, c));
      }
    }
    float[] v = apply(Flip.vertical().probability(1), x, 5, 6, 3, 1);
    assertEquals(at(x, 6, 3, 0, 2, 1), at(v, 6, 3, 4, 2, 1));
  }

  @Test
  void flipsHappenAboutHalfTheTime() {
    float[] x = {1, 2};
    int flipped = 0;
    for (int s = 0; s < 1000; s++) {
      flipped += apply(Flip.horizontal(), x, 1, 2, 1, s)[0] == 2 ? 1 : 0;
    }
    assertTrue(flipped > 400 && flipped < 600, "flipped " + flipped + " of 1000");
  }

  @Test
  void zoomingInByTwoReadsTheCentralRegion() {
    float[] x = Images.random(5, 5, 1, 4);
    // zoom 0.5: output (y, x) reads input (2 + (y - 2) / 2, 2 + (x - 2) / 2)
    float[] y = apply(Zoom.of(-0.5, -0.5), x, 5, 5, 1, 1);
    assertEquals(at(x, 5, 1, 1, 1, 0), at(y, 5, 1, 0, 0, 0));
    assertEquals(at(x, 5, 1, 3, 2, 0), at(y, 5, 1, 4, 2, 0));
    assertEquals((at(x, 5, 1, 1, 1, 0) + at(x, 5, 1, 1, 2, 0)) / 2, at(y, 5, 1, 0, 1, 0), 1e-6f);
    float[] zoomOut = apply(Zoom.of(1, 1).fill(Fill.CONSTANT, 7), x, 5, 5, 1, 1);
    assertEquals(7, at(zoomOut, 5, 1, 0, 0, 0));
    assertEquals(at(x, 5, 1, 2, 2, 0), at(zoomOut, 5, 1, 2, 2, 0));
  }

  @Test
  void affineScaleEqualsZoomAndShearMovesRows() {
    float[] x = Images.random(6, 6, 2, 5);
    float[] zoom = apply(Zoom.of(-0.5, -0.5).fill(Fill.CONSTANT), x, 6, 6, 2, 1);
    float[] affine = apply(Affine.degrees(0).scale(2, 2), x, 6, 6, 2, 1);
    assertArrayEquals(zoom, affine, 1e-6f);
    // an x-shear of 45 degrees about the centre (2, 2) moves row y by y - 2 columns
    float[] img = Images.random(5, 5, 1, 6);
    float[] sheared = apply(Shear.degrees(45, 45, 0, 0).fill(Fill.CONSTANT), img, 5, 5, 1, 1);
    assertEquals(at(img, 5, 1, 0, 2, 0), at(sheared, 5, 1, 0, 0, 0));
    assertEquals(at(img, 5, 1, 4, 1, 0), at(sheared, 5, 1, 4, 3, 0));
    assertEquals(at(img, 5, 1, 2, 3, 0), at(sheared, 5, 1, 2, 3, 0));
  }

  @Test
  void perspectiveSolvesTheFourCornerSystem() {
    // a known projective map H; the solver must recover it from four point pairs
    double[] h = {1.1, 0.2, 3, -0.1, 0.9, 1, 0.01, -0.02, 1};
    double[][] pts = {{0, 0}, {9, 1}, {8, 7}, {1, 9}};
    double[] s = new double[72];
    for (int k = 0; k < 4; k++) {
      double x = pts[k][0];
      double y = pts[k][1];
      double q = h[6] * x + h[7] * y + 1;
      Perspective.corner(
          s, k, x, y, (h[0] * x + h[1] * y + h[2]) / q, (h[3] * x + h[4] * y + h[5]) / q);
    }
    assertTrue(Perspective.solve(s));
    for (int i = 0; i < 8; i++) {
      assertEquals(h[i], s[i * 9 + 8], 1e-9, "coefficient " + i);
    }
  }

  @Test
  void perspectiveKeepsAConstantImageAndTheCentreRegion() {
    float[] ones = new float[10 * 10];
    java.util.Arrays.fill(ones, 0.5f);
    float[] y = apply(Perspective.of(0.8).probability(1).fill(Fill.NEAREST), ones, 10, 10, 1, 3);
    for (float v : y) {
      assertEquals(0.5f, v, 1e-6f);
    }
    float[] x = Images.random(10, 10, 1, 7);
    assertNotEquals(
        java.util.Arrays.toString(x),
        java.util.Arrays.toString(apply(Perspective.of(0.8).probability(1), x, 10, 10, 1, 3)));
  }

  @Test
  void randomCropIsAWholePixelShiftWithinThePadding() {
    float[] x = new float[6 * 6];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    Set<String> shifts = new HashSet<>();
    for (int s = 0; s < 200; s++) {
      float[] y = apply(RandomCrop.of(2), x, 6, 6, 1, s);
      shifts.add(findShift(x, y, 2));
    }
    assertEquals(25, shifts.size(), "all 5x5 offsets occur: " + shifts);
  }

  /** The (dy, dx) with y(r, c) = x(r - dy, c - dx) inside and 0 outside; fails if none. */
  private static String findShift(float[] x, float[] y, int p) {
    for (int dy = -p; dy <= p; dy++) {
      for (int dx = -p; dx <= p; dx++) {
        boolean ok = true;
        for (int r = 0; r < 6 && ok; r++) {
          for (int c = 0; c < 6 && ok; c++) {
            int sr = r - dy;
            int sc = c - dx;
            float expected = sr < 0 || sr >= 6 || sc < 0 || sc >= 6 ? 0 : x[sr * 6 + sc];
            ok = y[r * 6 + c] == expected;
          }
        }
        if (ok) {
          return dy + "," + dx;
        }
      }
    }
    throw new AssertionError("not a whole-pixel shift within the padding");
  }

  @Test
  void zeroStrengthGivesTheInputBackExactly() {
    float[] x = Images.random(7, 6, 3, 8);
    Transform[] identities = {
      Translate.of(0, 0),
      Rotate.of(0),
      Zoom.of(0),
      Zoom.of(0, 0, 0, 0),
      Shear.degrees(0),
      Affine.degrees(0),
      Perspective.of(0).probability(1),
      RandomCrop.of(0),
      Flip.both().probability(0),
      Brightness.of(0),
      Contrast.of(0),
      Gamma.of(1, 1),
      Saturation.of(0),
      Hue.of(0),
      GaussianNoise.of(0),
      Erasing.of().probability(0),
    };
    for (Transform t : identities) {
      assertArrayEquals(x, apply(t, x, 7, 6, 3, 9), t.getClass().getSimpleName());
    }
  }

  @Test
  void badArgumentsAreRejectedWithTheirName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Translate.of(0.5, 0.2, 0, 0));
    assertTrue(e.getMessage().contains("heightFactor"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rotate.of(0.1).probability(1.5));
    assertThrows(IllegalArgumentException.class, () -> Zoom.of(-1, -1));
    assertThrows(IllegalArgumentException.class, () -> RandomCrop.of(-1));
    assertThrows(IllegalArgumentException.class, () -> Perspective.of(2));
  }
}
