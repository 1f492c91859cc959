package com.example.modular;

import dev.jconv.Kernels;
import dev.jconv.data.ArrayDataset;
import dev.jconv.train.Adam;
import dev.jconv.train.History;
import dev.jconv.train.Trainer;
import java.util.Random;

/** Run on the module path: trains a few steps, predicts, checks the kernels; exits 1 on failure. */
public final class Main {
  private Main() {}

  /** Trains EdgeNet on random data for two epochs and checks what a user would. */
  public static void main(String[] args) {
    EdgeNetModel model = new EdgeNetModel(5);
    Random random = new Random(1);
    int n = 64;
    float[] x = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int j = 0; j < 64; j++) {
        x[i * 64 + j] = (j % 4 == labels[i] ? 1f : 0f) + 0.1f * (float) random.nextGaussian();
      }
    }
    History history =
        Trainer.of(model)
            .optimizer(new Adam().learningRate(1e-2))
            .batchSize(16)
            .epochs(3)
            .verbose(false)
            .fit(new ArrayDataset(x, labels, new int[] {8, 8, 1}, 4));
    double[] loss = history.metric("loss");
    float[] p = model.predict(new float[64]);
    String kernels = Kernels.describe(model);
    System.out.println("EdgeNet in module " + Main.class.getModule().getName() + ": " + kernels);
    check(loss[loss.length - 1] < loss[0], "the loss falls: " + loss[0] + " -> " + loss[2]);
    check(Math.abs(p[0] + p[1] + p[2] + p[3] - 1) < 1e-4, "probabilities sum to 1");
    check(Kernels.simd(model), "SIMD kernels run: " + kernels);
    System.out.println("modular consumer: OK");
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("modular consumer: FAILED: " + what);
      System.exit(1);
    }
  }
}
