package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.data.Shapes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end with a short setting: weights, labels and the PNG of predictions. */
class DemoTest {
  @Test
  void shortRunWritesWeightsLabelsAndPredictionSheet(@TempDir Path dir) throws Exception {
    Path weights = dir.resolve("seed.safetensors");
    Path png = dir.resolve("sheet.png");
    Path grid = dir.resolve("grid.png");
    String out =
        captureOut(
            () ->
                Demo.main(
                    new String[] {
                      "--epochs",
                      "1",
                      "--train",
                      "120",
                      "--test",
                      "20",
                      "--out",
                      weights.toString(),
                      "--png",
                      png.toString(),
                      "--grid",
                      grid.toString(),
                      "--tta",
                      "4"
                    }));
    assertTrue(out.contains("Model: \"SeedNet\""), out);
    assertTrue(out.contains("Reloaded model on 20 held-back images: accuracy"), out);
    assertTrue(out.contains("Kept the best (lowest val_loss) weights: epoch 1"), out);
    assertTrue(out.contains("With test-time augmentation (mean over the image and 3"), out);
    assertTrue(out.contains("samples (original, then 5 augmented copies) in " + grid), out);
    BufferedImage samples = ImageIO.read(grid.toFile());
    assertTrue(samples.getWidth() > samples.getHeight() / 2, "6 columns for 8 rows");
    new SeedNetModel().load(weights); // the saved file is the seed network's
    assertEquals(List.of(Shapes.CLASS_NAMES), Files.readAllLines(Classify.labelsFileFor(weights)));
    BufferedImage sheet = ImageIO.read(png.toFile());
    assertEquals(8 * 128, sheet.getWidth()); // 8 columns of 64-pixel images scaled twice
    assertEquals(3 * (128 + 16), sheet.getHeight()); // 20 images in 3 rows with captions
  }

  @Test
  void tooFewImagesForValidationKeepTheFinalWeights(@TempDir Path dir) throws Exception {
    String out =
        captureOut(
            () ->
                Demo.main(
                    new String[] {
                      "--epochs", "1",
                      "--train", "5",
                      "--test", "5",
                      "--tta", "1",
                      "--out", dir.resolve("w.safetensors").toString(),
                      "--png", dir.resolve("p.png").toString(),
                      "--grid", dir.resolve("g.png").toString()
                    }));
    assertTrue(out.contains("Final weights: epoch 1 (no validation images)"), out);
  }

  @Test
  void quarterTurnMovesTheRightColumnToTheTopAndFourAreTheIdentity() {
    int n = 3;
    int c = 2;
    float[] x = new float[n * n * c];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    float[] y = new float[x.length];
    DemoQuarterTurns.turn(x, y, n, c);
    for (int r = 0; r < n; r++) {
      for (int col = 0; col < n; col++) {
        for (int ch = 0; ch < c; ch++) {
          assertEquals(x[(col * n + n - 1 - r) * c + ch], y[(r * n + col) * c + ch]);
        }
      }
    }
    float[] z = x.clone();
    float[] t = new float[x.length];
    for (int k = 0; k < 4; k++) {
      DemoQuarterTurns.turn(z, t, n, c);
      float[] swap = z;
      z = t;
      t = swap;
    }
    assertArrayEquals(x, z);
  }

  @Test
  void badOptionsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--epoch", "3"}));
    assertTrue(e.getMessage().contains("unknown option --epoch"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--train", "0"}));
    assertTrue(e.getMessage().contains("--train must be at least 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DemoOptions.parse(new String[] {"--augment", "yes"}));
    assertTrue(e.getMessage().contains("--augment needs true or false"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DemoOptions.parse(new String[] {"--final-lr", "1.5"}));
    assertTrue(e.getMessage().contains("--final-lr must be in [0, 1]"), e.getMessage());
  }

  @Test
  void scheduleOptionsAreParsed() {
    DemoOptions o =
        DemoOptions.parse(
            new String[] {"--warmup", "50", "--final-lr", "0.1", "--keep-best", "false"});
    assertEquals(50, o.warmUp());
    assertEquals(0.1, o.finalRate());
    assertEquals(false, o.keepBest());
  }

  private interface Body {
    void run() throws Exception;
  }

  private static String captureOut(Body body) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
