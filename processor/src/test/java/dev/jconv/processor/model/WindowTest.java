package dev.jconv.processor.model;

import static dev.jconv.Padding.SAME;
import static dev.jconv.Padding.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The geometry every layer kind takes from {@link Window}: output size, padding, padded copy. */
class WindowTest {
  private static final IntPair ONE = IntPair.square(1);

  @Test
  void sameWithStrideTwoOnAnOddInputPutsTheOddRowAfter() {
    Window w = new Window(IntPair.square(3), IntPair.square(2), ONE, SAME);
    // in 5: out 3, total padding (3 - 1) * 2 + 3 - 5 = 2: one before, one after.
    assertEquals(3, w.outputH(5));
    assertEquals(1, w.padTop(5));
    // in 6: out 3, total (3 - 1) * 2 + 3 - 6 = 1: none before, one after.
    assertEquals(0, w.padTop(6));
    Window.Padded pd = w.padded(Shape.of(6, 5, 4));
    assertEquals(new Window.Padded(0, 1, 7, 7, 4, 6, 5), pd);
    assertTrue(pd.copies());
    assertEquals(7 * 7 * 4, pd.size());
  }

  @Test
  void dilationWidensTheKernel() {
    Window w = new Window(new IntPair(3, 2), ONE, new IntPair(2, 3), SAME);
    assertEquals(5, w.extentH());
    assertEquals(4, w.extentW());
    assertEquals(2, w.padTop(7));
    assertEquals(1, w.padLeft(7));
    assertTrue(w.dilated());
    assertFalse(w.strided());
  }

  @Test
  void validNeverPadsAndShrinks() {
    Window w = new Window(IntPair.square(3), ONE, ONE, VALID);
    assertEquals(0, w.padTop(10));
    assertEquals(8, w.outputW(10));
    assertFalse(w.padded(Shape.of(10, 10, 1)).copies());
    assertEquals(0, w.outputH(2));
  }

  @Test
  void aKernelOfOneNeverPadsEvenWithSame() {
    for (int in = 1; in <= 9; in++) {
      for (int stride = 1; stride <= 3; stride++) {
        Window w = new Window(ONE, IntPair.square(stride), ONE, SAME);
        assertFalse(w.padded(Shape.of(in, in, 1)).copies(), in + "/" + stride);
      }
    }
  }

  @Test
  void poolingWindowsHaveNoDilation() {
    Window w = Window.pool(IntPair.square(2), IntPair.square(2), VALID);
    assertEquals(ONE, w.dilation());
    assertEquals(3, w.outputH(7));
  }
}
