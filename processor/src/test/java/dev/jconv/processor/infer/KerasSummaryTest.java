package dev.jconv.processor.infer;

import static dev.jconv.Padding.SAME;
import static dev.jconv.Padding.VALID;
import static dev.jconv.processor.infer.Specs.ONE;
import static dev.jconv.processor.infer.Specs.batchNorm;
import static dev.jconv.processor.infer.Specs.conv2d;
import static dev.jconv.processor.infer.Specs.dense;
import static dev.jconv.processor.infer.Specs.depthwise;
import static dev.jconv.processor.infer.Specs.flatten;
import static dev.jconv.processor.infer.Specs.image;
import static dev.jconv.processor.infer.Specs.maxPool;
import static dev.jconv.processor.infer.Specs.ok;
import static dev.jconv.processor.infer.Specs.sq;
import static dev.jconv.processor.infer.Specs.vector;
import static dev.jconv.processor.infer.Specs.zeroPadding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.ParamSpec;
import dev.jconv.processor.model.Shape;
import org.junit.jupiter.api.Test;

/**
 * Whole {@code model.summary()} tables published for Keras models, replayed layer by layer through
 * the shape functions: every output shape and every parameter count must agree.
 */
class KerasSummaryTest {
  /** One summary row: the layer, then Keras's output shape and "Param #". */
  private record Row(LayerSpec layer, Shape output, long params) {}

  @Test
  void tensorFlowCnnTutorial() {
    // tensorflow.org/tutorials/images/cnn (CIFAR-10): Total params: 122,570.
    long total =
        replay(
            image(32, 32, 3),
            new Row(conv2d(32, 3, VALID), image(30, 30, 32), 896),
            new Row(maxPool(sq(2), sq(2), VALID), image(15, 15, 32), 0),
            new Row(conv2d(64, 3, VALID), image(13, 13, 64), 18_496),
            new Row(maxPool(sq(2), sq(2), VALID), image(6, 6, 64), 0),
            new Row(conv2d(64, 3, VALID), image(4, 4, 64), 36_928),
            new Row(flatten(), vector(1024), 0),
            new Row(dense(64, true), vector(64), 65_600),
            new Row(dense(10, true), vector(10), 650));
    assertEquals(122_570, total);
  }

  @Test
  void fourByFourKernelsOnCifar() {
    // A published summary (Stack Overflow 61061116): Conv2D(32, 4) twice with pooling;
    // Total params: 43,946.
    long total =
        replay(
            image(32, 32, 3),
            new Row(conv2d(32, 4, VALID), image(29, 29, 32), 1_568),
            new Row(maxPool(sq(2), sq(2), VALID), image(14, 14, 32), 0),
            new Row(conv2d(32, 4, VALID), image(11, 11, 32), 16_416),
            new Row(maxPool(sq(2), sq(2), VALID), image(5, 5, 32), 0),
            new Row(flatten(), vector(800), 0),
            new Row(dense(32, true), vector(32), 25_632),
            new Row(dense(10, true), vector(10), 330));
    assertEquals(43_946, total);
  }

  @Test
  void mobileNetStemAndFirstTwoBlocks() {
    // keras.applications.MobileNet().summary(), first rows.
    long total =
        replay(
            image(224, 224, 3),
            new Row(zeroPadding(0, 1, 0, 1), image(225, 225, 3), 0),
            new Row(conv2d(32, sq(3), sq(2), VALID, ONE, false), image(112, 112, 32), 864),
            new Row(batchNorm(true, true), image(112, 112, 32), 128),
            new Row(depthwise(sq(3), ONE, SAME, 1, ONE, false), image(112, 112, 32), 288),
            new Row(batchNorm(true, true), image(112, 112, 32), 128),
            new Row(conv2d(64, sq(1), ONE, SAME, ONE, false), image(112, 112, 64), 2_048),
            new Row(batchNorm(true, true), image(112, 112, 64), 256),
            new Row(zeroPadding(0, 1, 0, 1), image(113, 113, 64), 0),
            new Row(depthwise(sq(3), sq(2), VALID, 1, ONE, false), image(56, 56, 64), 576),
            new Row(batchNorm(true, true), image(56, 56, 64), 256),
            new Row(conv2d(128, sq(1), ONE, SAME, ONE, false), image(56, 56, 128), 8_192),
            new Row(batchNorm(true, true), image(56, 56, 128), 512));
    assertEquals(13_248, total);
  }

  @Test
  void vgg16Head() {
    // keras.applications.VGG16().summary(), last rows.
    long total =
        replay(
            image(14, 14, 512),
            new Row(conv2d(512, 3, SAME), image(14, 14, 512), 2_359_808),
            new Row(maxPool(sq(2), sq(2), VALID), image(7, 7, 512), 0),
            new Row(flatten(), vector(25_088), 0),
            new Row(dense(4096, true), vector(4096), 102_764_544),
            new Row(dense(4096, true), vector(4096), 16_781_312),
            new Row(dense(1000, true), vector(1000), 4_097_000));
    assertEquals(126_002_664, total);
  }

  /** Feeds each row's layer the previous output and checks its row; returns the total. */
  private static long replay(Shape input, Row... rows) {
    Shape x = input;
    long total = 0;
    for (int i = 0; i < rows.length; i++) {
      Row row = rows[i];
      Inferred.Ok ok = ok(row.layer(), x);
      long params = ok.params().stream().mapToLong(ParamSpec::size).sum();
      assertEquals(row.output(), ok.output(), "row " + i + " output");
      assertEquals(row.params(), params, "row " + i + " params");
      x = ok.output();
      total += params;
    }
    return total;
  }
}
