package com.example.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Kernels;
import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Adam;
import dev.jconv.train.History;
import dev.jconv.train.Trainer;
import org.junit.jupiter.api.Test;

/** The user's generated model trains, predicts, and runs the kernels the build asked for. */
class StripesNetTest {
  @Test
  void trainsAndPredicts() {
    StripesNetModel model = new StripesNetModel(7);
    assertEquals(1_299, model.paramCount());
    ArrayDataset train = Stripes.make(96, 1);
    History history =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(1e-2))
            .batchSize(16)
            .epochs(4)
            .seed(3)
            .verbose(false)
            .fit(train);
    double[] loss = history.metric("loss");
    assertTrue(loss[loss.length - 1] < loss[0], "the loss falls: " + java.util.Arrays.toString(loss));

    float[] image = new float[144];
    train.copyExample(0, image, 0);
    float[] p = model.predict(image);
    assertEquals(3, p.length);
    assertEquals(1, p[0] + p[1] + p[2], 1e-4);
  }

  @Test
  void runsTheExpectedKernels() {
    StripesNetModel model = new StripesNetModel(7);
    String kernels = Kernels.describe(model);
    System.out.println("StripesNet: " + kernels);
    boolean simd = !"scalar".equals(System.getProperty("consumer.expect"));
    assertEquals(simd, Kernels.compiledWithSimd(model), kernels);
    assertEquals(simd, Kernels.simd(model), kernels);
    assertTrue(kernels.startsWith(simd ? "SIMD kernels" : "scalar kernels"), kernels);
  }
}
