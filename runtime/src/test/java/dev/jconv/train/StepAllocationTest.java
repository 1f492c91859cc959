package dev.jconv.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Steps after the first allocate nothing; settings changed between steps are honoured. */
class StepAllocationTest {
  @Test
  void stepsAfterTheFirstDoNotAllocate() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    FakeModel model = FakeModel.small();
    float[] g = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f};
    Optimizer[] optimizers = {
      new AdamW().setLearningRateMultiplier("conv", 0.5),
      Sgd.withMomentum(0.9).nesterov(true).weightDecay(0.01),
    };
    for (Optimizer opt : optimizers) {
      for (int i = 0; i < 20_000; i++) {
        opt.step(model, g); // first step sizes the state; the rest warm up the JIT
      }
      long id = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 10_000; i++) {
        opt.step(model, g);
      }
      long allocated = threads.getThreadAllocatedBytes(id) - before;
      assertTrue(allocated < 10_000, opt + " allocated " + allocated + " bytes in 10,000 steps");
    }
  }

  @Test
  void turningMomentumOnAfterARestoreStartsFromZeroVelocity() {
    Sgd plain = new Sgd().learningRate(0.1);
    FakeModel model = FakeModel.small();
    plain.step(model, new float[8]);
    Map<String, float[]> state = plain.state();
    Sgd sgd = new Sgd().learningRate(0.1);
    sgd.restoreState(state);
    sgd.momentum(0.9);
    assertEquals(0, sgd.state().get(Sgd.VELOCITY).length);
    float[] g = new float[8];
    g[0] = 1;
    sgd.step(model, g); // v = -0.1, w = 1 - 0.1
    assertEquals(0.9f, model.weights()[0], 1e-6f);
    assertEquals(2, sgd.iterations());
  }
}
