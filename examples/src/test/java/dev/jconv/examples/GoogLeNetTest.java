package dev.jconv.examples;

import static dev.jconv.examples.SeedNetworksTest.assertLayer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Layer;
import dev.jconv.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GoogLeNet against the paper's Table 1: every module's output depth and hand-counted weights. */
class GoogLeNetTest {
  private static final Model MODEL = new GoogLeNetModel(1);

  @Test
  void totalAndShapes() {
    assertEquals(6_998_552, MODEL.paramCount());
    assertEquals(0, MODEL.nonTrainableParamCount());
    assertArrayEquals(new int[] {224, 224, 3}, MODEL.inputShape());
    assertArrayEquals(new int[] {1000}, MODEL.outputShape());
  }

  @Test
  void stemAsInTable1() {
    assertLayer(MODEL, "conv1_7x7_s2", new int[] {112, 112, 64}, 9_472); // 7*7*3*64 + 64
    assertLayer(MODEL, "pool1_3x3_s2", new int[] {56, 56, 64}, 0);
    assertLayer(MODEL, "conv2_3x3_reduce", new int[] {56, 56, 64}, 4_160); // 64*64 + 64
    assertLayer(MODEL, "conv2_3x3", new int[] {56, 56, 192}, 110_784); // 3*3*64*192 + 192
    assertLayer(MODEL, "pool2_3x3_s2", new int[] {28, 28, 192}, 0);
  }

  /**
   * Table 1's rows: output size, depth, and the module's parameters, which for input depth c and
   * columns (#1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj) are c*#1x1 + c*#3x3red +
   * 9*#3x3red*#3x3 + c*#5x5red + 25*#5x5red*#5x5 + c*proj plus one bias per filter.
   */
  @Test
  void allNineInceptionModules() {
    assertModule("3a", 28, 192, 64, 96, 128, 16, 32, 32, 163_696);
    assertModule("3b", 28, 256, 128, 128, 192, 32, 96, 64, 388_736);
    assertModule("4a", 14, 480, 192, 96, 208, 16, 48, 64, 376_176);
    assertModule("4b", 14, 512, 160, 112, 224, 24, 64, 64, 449_160);
    assertModule("4c", 14, 512, 128, 128, 256, 24, 64, 64, 510_104);
    assertModule("4d", 14, 512, 112, 144, 288, 32, 64, 64, 605_376);
    assertModule("4e", 14, 528, 256, 160, 320, 32, 128, 128, 868_352);
    assertModule("5a", 7, 832, 256, 160, 320, 32, 128, 128, 1_043_456);
    assertModule("5b", 7, 832, 384, 192, 384, 48, 128, 128, 1_444_080);
    assertLayer(MODEL, "pool3_3x3_s2", new int[] {14, 14, 480}, 0);
    assertLayer(MODEL, "pool4_3x3_s2", new int[] {7, 7, 832}, 0);
  }

  @Test
  void head() {
    assertLayer(MODEL, "pool5_7x7_s1", new int[] {1024}, 0);
    assertLayer(MODEL, "loss3_classifier", new int[] {1000}, 1_025_000); // 1024*1000 + 1000
  }

  @Test
  void forwardPass() {
    ForwardPass.assertProbabilities(MODEL);
  }

  private static void assertModule(
      String name, int size, int in, int b1, int r3, int b3, int r5, int b5, int proj, long total) {
    String p = "inception_" + name;
    long weights = (long) in * b1 + in * r3 + 9L * r3 * b3 + in * r5 + 25L * r5 * b5 + in * proj;
    assertEquals(total, weights + b1 + r3 + b3 + r5 + b5 + proj, p + " hand count");
    long counted = 0;
    for (String branch : List.of("1x1", "3x3_reduce", "3x3", "5x5_reduce", "5x5", "pool_proj")) {
      Layer layer = MODEL.layer(p + "_" + branch);
      counted += layer.paramCount();
    }
    assertEquals(total, counted, p + " parameters");
    assertLayer(MODEL, p + "_output", new int[] {size, size, b1 + b3 + b5 + proj}, 0);
    assertArrayEquals(new int[] {size, size, in}, MODEL.layer(p + "_pool").outputShape(), p);
  }
}
