package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Inception module: four branches off one input, concatenated; worked out by hand. */
class InceptionModuleTest {
  private final Model model = new InceptionModuleModel();

  @Test
  void totals() {
    // stem 5,376 + module 163,696 + head 2,570; no batch norm, so all trainable.
    assertEquals(171_642, model.paramCount());
    assertEquals(171_642, model.trainableParamCount());
    assertEquals(0, model.nonTrainableParamCount());
    assertArrayEquals(new int[] {10}, model.outputShape());
  }

  @Test
  void stem() {
    assertLayer(model, "stem_conv", new int[] {32, 32, 192}, 5_376); // 3*3*3*192 + 192
    // 3x3 max-pool, stride 2, SAME: ceil(32 / 2) = 16.
    assertLayer(model, "stem_pool", new int[] {16, 16, 192}, 0);
  }

  @Test
  void branchesKeepTheSpatialSize() {
    assertLayer(model, "b1x1", new int[] {16, 16, 64}, 12_352); // 192*64 + 64
    assertLayer(model, "b3x3_reduce", new int[] {16, 16, 96}, 18_528); // 192*96 + 96
    assertLayer(model, "b3x3", new int[] {16, 16, 128}, 110_720); // 3*3*96*128 + 128
    assertLayer(model, "b5x5_reduce", new int[] {16, 16, 16}, 3_088); // 192*16 + 16
    assertLayer(model, "b5x5", new int[] {16, 16, 32}, 12_832); // 5*5*16*32 + 32
    assertLayer(model, "bpool", new int[] {16, 16, 192}, 0); // stride 1, SAME
    assertLayer(model, "bpool_proj", new int[] {16, 16, 32}, 6_176); // 192*32 + 32
  }

  @Test
  void branchesReadTheSameInput() {
    for (String branch : List.of("b1x1", "b3x3_reduce", "b5x5_reduce", "bpool")) {
      assertEquals(List.of("stem_pool"), model.layer(branch).inputs(), branch);
    }
    assertEquals(List.of("b3x3_reduce"), model.layer("b3x3").inputs());
  }

  @Test
  void concatenateAddsTheBranchChannels() {
    int channels = 0;
    for (String branch : List.of("b1x1", "b3x3", "b5x5", "bpool_proj")) {
      int[] shape = model.layer(branch).outputShape();
      channels += shape[2];
    }
    assertEquals(256, channels); // 64 + 128 + 32 + 32
    assertLayer(model, "mixed", new int[] {16, 16, 256}, 0);
    assertEquals(List.of("b1x1", "b3x3", "b5x5", "bpool_proj"), model.layer("mixed").inputs());
    assertLayer(model, "gap", new int[] {256}, 0);
    assertLayer(model, "predictions", new int[] {10}, 2_570); // 256*10 + 10
  }
}
