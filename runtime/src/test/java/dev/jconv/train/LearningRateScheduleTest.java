package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each schedule's rate at chosen steps and epochs, against values worked out by hand. */
class LearningRateScheduleTest {
  private static final double BASE = 0.1;
  private static final int SPE = 10; // steps per epoch

  private static double at(LearningRateSchedule s, int step) {
    return s.rate(step / SPE, step, SPE, BASE);
  }

  @Test
  void constant() {
    assertEquals(0.1, at(LearningRateSchedule.constant(), 0));
    assertEquals(0.1, at(LearningRateSchedule.constant(), 12345));
  }

  @Test
  void stepDecayDropsEveryKEpochs() {
    LearningRateSchedule s = LearningRateSchedule.stepDecay(10, 0.5);
    assertEquals(0.1, s.rate(0, 0, SPE, BASE));
    assertEquals(0.1, s.rate(9, 99, SPE, BASE));
    assertEquals(0.05, s.rate(10, 100, SPE, BASE));
    assertEquals(0.025, s.rate(25, 250, SPE, BASE));
  }

  @Test
  void exponential() {
    LearningRateSchedule s = LearningRateSchedule.exponential(100, 0.5);
    assertEquals(0.1, at(s, 0));
    assertEquals(0.05, at(s, 100));
    assertEquals(0.1 * Math.sqrt(0.5), at(s, 50), 1e-15);
    LearningRateSchedule stairs = LearningRateSchedule.exponential(100, 0.5, true);
    assertEquals(0.1, at(stairs, 99));
    assertEquals(0.05, at(stairs, 150));
  }

  @Test
  void cosineFallsToAlphaTimesBase() {
    LearningRateSchedule s = LearningRateSchedule.cosine(100);
    assertEquals(0.1, at(s, 0));
    assertEquals(0.05, at(s, 50), 1e-15);
    assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI / 4)), at(s, 25), 1e-15);
    assertEquals(0.0, at(s, 100), 1e-15);
    assertEquals(0.0, at(s, 500), 1e-15);
    LearningRateSchedule floor = LearningRateSchedule.cosine(100, 0.1);
    assertEquals(0.1 * (0.9 * 0.5 + 0.1), at(floor, 50), 1e-15); // 0.055
    assertEquals(0.01, at(floor, 100), 1e-15);
    assertEquals(0.01, at(floor, 1000), 1e-15);
  }

  @Test
  void piecewiseConstantAsKeras() {
    LearningRateSchedule s =
        LearningRateSchedule.piecewiseConstant(new int[] {100, 200}, new double[] {1, 0.5, 0.1});
    assertEquals(1.0, at(s, 0));
    assertEquals(1.0, at(s, 100));
    assertEquals(0.5, at(s, 101));
    assertEquals(0.5, at(s, 200));
    assertEquals(0.1, at(s, 201));
  }

  @Test
  void warmUpIsLinearThenTheWrappedSchedule() {
    LearningRateSchedule s = LearningRateSchedule.warmUp(4, LearningRateSchedule.constant());
    assertEquals(0.025, at(s, 0));
    assertEquals(0.05, at(s, 1));
    assertEquals(0.1 * 3 / 4, at(s, 2));
    assertEquals(0.1, at(s, 3));
    assertEquals(0.1, at(s, 50));
    LearningRateSchedule cosine = LearningRateSchedule.cosine(100).withWarmUp(10);
    assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI * 4 / 100)) * 5 / 10, at(cosine, 4), 1e-15);
    assertEquals(0.05, at(cosine, 50), 1e-15);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.stepDecay(0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.cosine(10, 1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> LearningRateSchedule.piecewiseConstant(new int[] {1}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LearningRateSchedule.piecewiseConstant(new int[] {5, 5}, new double[] {1, 2, 3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> LearningRateSchedule.warmUp(0, LearningRateSchedule.constant()));
  }
}
