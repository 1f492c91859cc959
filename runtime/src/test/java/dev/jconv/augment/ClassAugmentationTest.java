package dev.jconv.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Epoch plans: class counts, labels, pipelines and determinism. */
class ClassAugmentationTest {
  // 3 classes: 50, 20 and 5 examples, interleaved
  static int[] labels() {
    int[] labels = new int[75];
    int at = 0;
    for (int i = 0; i < 50; i++) {
      labels[at++] = 0;
      if (i < 20) {
        labels[at++] = 1;
      }
      if (i < 5) {
        labels[at++] = 2;
      }
    }
    return labels;
  }

  private static final Pipeline BASE = Pipeline.of(Flip.horizontal());
  private static final Pipeline STRONG = Pipeline.of(Rotate.degrees(15), Contrast.of(0.3));

  @Test
  void withoutRulesEveryExampleAppearsOnceThroughTheBasePipeline() {
    EpochPlan plan = ClassAugmentation.of(BASE).plan(labels(), 3, 0, 1);
    assertEquals(75, plan.size());
    int[] seen = new int[75];
    for (int i = 0; i < plan.size(); i++) {
      seen[plan.index(i)]++;
      assertSame(BASE, plan.pipeline(i));
    }
    int[] ones = new int[75];
    Arrays.fill(ones, 1);
    assertArrayEquals(ones, seen);
  }

  @Test
  void aClassAugmentedFiveTimesAsOftenHasFiveTimesTheEntries() {
    int[] labels = labels();
    EpochPlan plan = ClassAugmentation.of(BASE).forClass(2, STRONG, 5).plan(labels, 3, 0, 1);
    assertArrayEquals(new int[] {50, 20, 25}, perClass(plan, labels));
    int[] seen = new int[75];
    for (int i = 0; i < plan.size(); i++) {
      int index = plan.index(i);
      seen[index]++;
      assertSame(labels[index] == 2 ? STRONG : BASE, plan.pipeline(i));
    }
    for (int i = 0; i < 75; i++) {
      // each class-2 example exactly 5 times (extra draws cycle evenly), the others once
      assertEquals(labels[i] == 2 ? 5 : 1, seen[i], "example " + i);
    }
  }

  @Test
  void balancingBringsEveryClassToTheLargest() {
    int[] labels = labels();
    EpochPlan plan = ClassAugmentation.of(BASE).balance(STRONG).plan(labels, 3, 2, 9);
    assertArrayEquals(new int[] {50, 50, 50}, perClass(plan, labels));
    for (int i = 0; i < plan.size(); i++) {
      assertSame(labels[plan.index(i)] == 0 ? BASE : STRONG, plan.pipeline(i));
    }
    assertArrayEquals(
        new int[] {50, 50, 50},
        ClassAugmentation.of(BASE).balance().epochCounts(new int[] {50, 20, 5}));
    assertArrayEquals(
        new int[] {50, 20, 13},
        ClassAugmentation.of(BASE).forClass(2, STRONG, 2.5).epochCounts(new int[] {50, 20, 5}));
  }

  @Test
  void plansAreSeededPerEpoch() {
    ClassAugmentation aug = ClassAugmentation.of(BASE).balance(STRONG);
    int[] labels = labels();
    assertArrayEquals(indices(aug.plan(labels, 3, 1, 7)), indices(aug.plan(labels, 3, 1, 7)));
    assertFalse(
        Arrays.equals(indices(aug.plan(labels, 3, 1, 7)), indices(aug.plan(labels, 3, 2, 7))));
    assertFalse(
        Arrays.equals(indices(aug.plan(labels, 3, 1, 7)), indices(aug.plan(labels, 3, 1, 8))));
  }

  @Test
  void badRulesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> ClassAugmentation.of(BASE).forClass(1, STRONG, 0.5));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClassAugmentation.of(BASE).forClass(7, STRONG, 2).plan(labels(), 3, 0, 1));
    assertTrue(e.getMessage().contains("forClass(7"), e.getMessage());
  }

  private static int[] perClass(EpochPlan plan, int[] labels) {
    int[] counts = new int[3];
    for (int i = 0; i < plan.size(); i++) {
      counts[labels[plan.index(i)]]++;
    }
    return counts;
  }

  private static int[] indices(EpochPlan plan) {
    int[] out = new int[plan.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = plan.index(i);
    }
    return out;
  }
}
