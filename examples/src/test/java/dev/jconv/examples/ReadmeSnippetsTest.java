package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.ArrayDataset;
import dev.jconv.data.Datasets;
import dev.jconv.data.Shapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's snippets ({@link ReadmeSnippets}) on small data and checks what they did. */
class ReadmeSnippetsTest {
  private static final int IMAGE = 64 * 64 * 3;

  @Test
  void usingAModel(@TempDir Path dir) throws Exception {
    float[] batch = randomImages(3, 1);
    float[] out = new float[3 * 5];
    ReadmeSnippets.Used used =
        ReadmeSnippets.useModel(java.util.Arrays.copyOf(batch, IMAGE), batch, 3, out, dir);
    assertEquals(1.0, sum(used.probabilities()), 1e-5);
    assertEquals(1.0, sum(java.util.Arrays.copyOfRange(out, 10, 15)), 1e-5);
    assertArrayEquals(new int[] {16, 16, 24}, used.conv5Shape());
    assertFalse(used.conv1Trainable());
    assertTrue(Files.size(dir.resolve("seed.safetensors")) > 30_485 * 4);
  }

  @Test
  void training(@TempDir Path dir) {
    ArrayDataset data = Shapes.generate(96, 3);
    ReadmeSnippets.Trained t =
        ReadmeSnippets.train(Datasets.range(data, 0, 80), Datasets.range(data, 80, 96), 2, dir);
    assertEquals(2, t.history().epochs().size());
    assertTrue(t.history().last().hasValidation());
    assertEquals(16, t.test().examples());
    assertTrue(Files.exists(dir.resolve("run.safetensors")), "the checkpoint");
  }

  @Test
  void augmentationAndTestTimeAugmentation() {
    ArrayDataset data = Shapes.generate(80, 4);
    ReadmeSnippets.Augmented a =
        ReadmeSnippets.augment(
            new SeedNetModel(5), Datasets.range(data, 0, 64), Datasets.range(data, 64, 80), 1);
    assertEquals(1, a.history().epochs().size());
    assertEquals(16, a.plain().examples());
    assertEquals(16, a.withTta().examples());
    assertTrue(Double.isFinite(a.withTta().loss()));
  }

  @Test
  void transferLearning(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("base.safetensors");
    new FashionBaseNetModel(9).save(base);
    float[] x = new float[48 * 28 * 28];
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    int[] labels = random.ints(48, 0, 5).toArray();
    ArrayDataset newData = new ArrayDataset(x, labels, new int[] {28, 28, 1}, 5);
    ReadmeSnippets.Transferred t = ReadmeSnippets.transfer(base, newData, 1);
    assertEquals(23_424, t.frozenParams(), "the README's comment");
    assertTrue(t.report().toString().contains("10 tensors taken"), t.report().toString());
    assertEquals(1, t.head().epochs().size());
    assertEquals(1, t.fineTuned().epochs().size());
  }

  @Test
  void serving(@TempDir Path dir) throws Exception {
    Path weights = dir.resolve("seed.safetensors");
    new SeedNetModel(8).save(weights);
    Path png = dir.resolve("circle.png");
    ImageIO.write(Shapes.render(0, 1), "png", png.toFile());
    float[] p = ReadmeSnippets.serve(weights, png);
    assertEquals(5, p.length);
    assertEquals(1.0, sum(p), 1e-5);
  }

  private static float[] randomImages(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * IMAGE];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    return x;
  }

  private static double sum(float[] p) {
    double s = 0;
    for (float v : p) {
      s += v;
    }
    return s;
  }
}
