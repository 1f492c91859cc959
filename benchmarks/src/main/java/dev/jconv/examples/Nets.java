package dev.jconv.examples;

import dev.jconv.Model;
import java.util.Random;

/** The benchmarked networks by name, with a fixed seed, and random inputs. */
final class Nets {
  private Nets() {}

  static Model create(String name) {
    switch (name) {
      case "SeedNet":
        return new SeedNetModel(42);
      case "BatchNormNet":
        return new BatchNormNetModel(42);
      case "FashionTutorialNet":
        return new FashionTutorialNetModel(42);
      default:
        throw new IllegalArgumentException("no benchmark network " + name);
    }
  }

  static float[] randomInput(Model model, int n, Random random) {
    float[] x = new float[n * model.inputSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    return x;
  }
}
