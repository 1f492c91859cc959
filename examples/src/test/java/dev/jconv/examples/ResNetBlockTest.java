package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ResNet basic block: shapes and counts worked out by hand. */
class ResNetBlockTest {
  private final Model model = new ResNetBlockModel();

  @Test
  void totals() {
    // 432 + 64 + 4,608 + 128 + 9,216 + 128 + 512 + 128 + 330; BN statistics 2 * (16 + 32 * 3).
    assertEquals(15_546, model.paramCount());
    assertEquals(15_322, model.trainableParamCount());
    assertEquals(224, model.nonTrainableParamCount());
    assertArrayEquals(new int[] {32, 32, 3}, model.inputShape());
    assertArrayEquals(new int[] {10}, model.outputShape());
  }

  @Test
  void mainPathHalvesResolutionAndDoublesChannels() {
    assertLayer(model, "stem_conv", new int[] {32, 32, 16}, 432); // 3*3*3*16, no bias
    assertLayer(model, "stem_bn", new int[] {32, 32, 16}, 64);
    assertLayer(model, "stem_relu", new int[] {32, 32, 16}, 0);
    assertLayer(model, "block1_conv1", new int[] {16, 16, 32}, 4_608); // ceil(32 / 2) = 16
    assertLayer(model, "block1_bn1", new int[] {16, 16, 32}, 128);
    assertLayer(model, "block1_relu1", new int[] {16, 16, 32}, 0);
    assertLayer(model, "block1_conv2", new int[] {16, 16, 32}, 9_216);
    assertLayer(model, "block1_bn2", new int[] {16, 16, 32}, 128);
  }

  @Test
  void shortcutProjectsToTheMainPathShape() {
    // VALID 1x1 with stride 2: floor((32 - 1) / 2) + 1 = 16.
    assertLayer(model, "block1_proj", new int[] {16, 16, 32}, 512); // 16*32
    assertLayer(model, "block1_proj_bn", new int[] {16, 16, 32}, 128);
    assertEquals(List.of("stem_relu"), model.layer("block1_proj").inputs());
  }

  @Test
  void addJoinsBothPaths() {
    assertLayer(model, "add1", new int[] {16, 16, 32}, 0);
    assertEquals(List.of("block1_bn2", "block1_proj_bn"), model.layer("add1").inputs());
    assertEquals("Add", model.layer("add1").type());
    assertLayer(model, "block1_out", new int[] {16, 16, 32}, 0);
    assertEquals(List.of("add1"), model.layer("block1_out").inputs());
    assertLayer(model, "gap", new int[] {32}, 0);
    assertLayer(model, "predictions", new int[] {10}, 330);
  }

  @Test
  void summaryShowsConnections() {
    String summary = model.summary();
    assertTrue(summary.contains("Connected to"), summary);
    assertTrue(summary.contains("block1_bn2, block1_proj_bn"), summary);
  }
}
