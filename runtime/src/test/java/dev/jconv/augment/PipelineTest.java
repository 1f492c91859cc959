package dev.jconv.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.parallel.Parallel;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Determinism and composition of pipelines. */
class PipelineTest {
  static final Pipeline ALL =
      Pipeline.of(
          Flip.both(),
          Translate.of(0.1, 0.1),
          Rotate.degrees(20),
          Zoom.of(0.1),
          Shear.degrees(10),
          Affine.degrees(5).translate(0.05, 0.05).scale(0.9, 1.1),
          Perspective.of(0.3),
          RandomCrop.of(2),
          Brightness.of(0.1),
          Contrast.of(0.2),
          Gamma.of(0.8, 1.2),
          Saturation.of(0.3),
          Hue.of(0.05),
          GaussianNoise.of(0.02),
          Erasing.of());

  @Test
  void theSameSeedGivesTheSameImage() {
    int[] shape = {9, 8, 3};
    float[] x = Images.random(9, 8, 3, 1);
    float[] a = ALL.apply(x, shape, 42);
    float[] b = ALL.apply(x, shape, 42);
    float[] c = ALL.apply(x, shape, 43);
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
    assertFalse(Arrays.equals(a, x));
  }

  @Test
  void batchesDoNotDependOnTheThreadCount() {
    int[] shape = {9, 8, 3};
    int n = 13;
    float[] x = Images.random(n * 9, 8, 3, 2);
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      float[] one = x.clone();
      ALL.applyBatch(one, n, shape, 7);
      Parallel.setThreads(3);
      float[] three = x.clone();
      ALL.applyBatch(three, n, shape, 7);
      assertArrayEquals(one, three);
      // example i of a batch is the single image seeded Rng.derive(seed, i)
      float[] fifth = ALL.apply(Arrays.copyOfRange(x, 5 * 216, 6 * 216), shape, Rng.derive(7, 5));
      assertArrayEquals(fifth, Arrays.copyOfRange(one, 5 * 216, 6 * 216));
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void pipelinesNestAndCompose() {
    int[] shape = {5, 5, 1};
    float[] x = Images.random(5, 5, 1, 3);
    Pipeline a = Pipeline.of(Flip.horizontal(), Rotate.degrees(30));
    Pipeline b = Pipeline.of(Brightness.of(0.1));
    assertArrayEquals(a.then(b).apply(x, shape, 5), Pipeline.of(a, b).apply(x, shape, 5));
    assertTrue(Pipeline.identity().isIdentity());
    assertArrayEquals(x, Pipeline.identity().apply(x, shape, 5));
  }

  @Test
  void badShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ALL.checkShape(new int[] {28, 28}));
    assertThrows(
        IllegalArgumentException.class, () -> ALL.apply(new float[10], 0, new int[] {4, 4, 3}, 1));
  }

  @Test
  void transformingAllocatesNothingPerExample() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    float[] x = Images.random(12, 12, 3, 4);
    for (int i = 0; i < 1_000; i++) {
      ALL.transform(x, 0, 12, 12, 3, i); // warms up the JIT and sizes the canvas
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 1_000; i++) {
      ALL.transform(x, 0, 12, 12, 3, i);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 50_000, "allocated " + allocated + " bytes for 1,000 examples");
  }
}
