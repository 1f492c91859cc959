package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import dev.jconv.data.Images;
import dev.jconv.data.Shapes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classify command on real files: its table, and its exit codes and messages. */
class ClassifyTest {
  @TempDir static Path dir;
  static Path weights;
  static Path images;

  @BeforeAll
  static void saveWeightsAndImages() throws IOException {
    weights = dir.resolve("seed.safetensors");
    new SeedNetModel(3).save(weights);
    Files.write(Classify.labelsFileFor(weights), List.of(Shapes.CLASS_NAMES));
    images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < 3; i++) {
      ImageIO.write(Shapes.render(i, 10 + i), "png", images.resolve("shape" + i + ".png").toFile());
    }
  }

  @Test
  void tableHasTheModelsTopClassesForEveryImageInAFolder() throws IOException {
    Result r =
        run("--weights", weights, "--network", "SeedNet", "--top", "2", "--per-image", images);
    assertEquals(Classify.OK, r.code, r.err);
    List<String> lines = r.out.lines().toList();
    assertEquals(4, lines.size(), r.out);
    assertTrue(lines.get(0).matches("image\\s+top-1\\s+p\\s+top-2\\s+p"), lines.get(0));
    Model model = new SeedNetModel(3);
    for (int i = 0; i < 3; i++) {
      float[] x = Images.toFloats(Shapes.render(i, 10 + i), 3);
      Standardize.perImage(x, 0, x.length, 3);
      float[] p = model.predict(x);
      int best = dev.jconv.train.Metrics.argmax(p, 0, p.length);
      String expected =
          String.format(Locale.ROOT, "%s %6.4f", pad(Shapes.CLASS_NAMES[best]), p[best]);
      assertTrue(lines.get(i + 1).contains("shape" + i + ".png"), lines.get(i + 1));
      assertTrue(lines.get(i + 1).contains(expected), lines.get(i + 1) + " lacks " + expected);
    }
  }

  @Test
  void missingWeightsFile() throws IOException {
    Result r = run("--weights", dir.resolve("nope.safetensors"), "--network", "SeedNet", images);
    assertEquals(Classify.MISSING, r.code);
    assertTrue(r.err.contains("nope.safetensors: no such file"), r.err);
  }

  @Test
  void missingImageIsReportedAndTheOthersClassified() throws IOException {
    Path present = images.resolve("shape0.png");
    Result r = run("--weights", weights, "--network", "SeedNet", dir.resolve("gone.png"), present);
    assertEquals(Classify.MISSING, r.code);
    assertTrue(r.err.contains("gone.png: no such file"), r.err);
    assertTrue(r.out.contains("shape0.png"), r.out);
  }

  @Test
  void nonImageIsReportedAndTheOthersClassified() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
    Result r =
        run("--weights", weights, "--network", "SeedNet", text, images.resolve("shape1.png"));
    assertEquals(Classify.NOT_AN_IMAGE, r.code);
    assertTrue(r.err.contains("notes.png: not an image"), r.err);
    assertTrue(r.out.contains("shape1.png"), r.out);
  }

  @Test
  void weightsOfAnotherNetworkAreRefused() throws IOException {
    // BatchNormNet has the same 30,485 parameters but other tensors.
    Path other = dir.resolve("bn.safetensors");
    new BatchNormNetModel(1).save(other);
    Result r = run("--weights", other, "--network", "SeedNet", images);
    assertEquals(Classify.WRONG_WEIGHTS, r.code);
    assertTrue(r.err.contains("saved from BatchNormNet"), r.err);
    assertEquals("", r.out);
  }

  @Test
  void unknownNetworkAndBadUsage() throws IOException {
    Result r = run("--weights", weights, "--network", "NoSuchNet", images);
    assertEquals(Classify.USAGE, r.code);
    assertTrue(r.err.contains("no generated model for network NoSuchNet"), r.err);
    assertEquals(Classify.USAGE, run("--weights", weights, images).code);
    assertEquals(Classify.USAGE, run("--weights", weights, "--network", "SeedNet").code);
  }

  private static String pad(String label) {
    return String.format(Locale.ROOT, "%-12s", label);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Object... args) {
    String[] a = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = args[i].toString();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Classify.run(
            a,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
