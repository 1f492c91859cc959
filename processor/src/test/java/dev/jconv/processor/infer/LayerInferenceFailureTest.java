package dev.jconv.processor.infer;

import static dev.jconv.Padding.SAME;
import static dev.jconv.Padding.VALID;
import static dev.jconv.processor.infer.Specs.ONE;
import static dev.jconv.processor.infer.Specs.SRC;
import static dev.jconv.processor.infer.Specs.add;
import static dev.jconv.processor.infer.Specs.avgPool;
import static dev.jconv.processor.infer.Specs.concatenate;
import static dev.jconv.processor.infer.Specs.conv2d;
import static dev.jconv.processor.infer.Specs.dense;
import static dev.jconv.processor.infer.Specs.depthwise;
import static dev.jconv.processor.infer.Specs.failed;
import static dev.jconv.processor.infer.Specs.failedFrom;
import static dev.jconv.processor.infer.Specs.flatten;
import static dev.jconv.processor.infer.Specs.image;
import static dev.jconv.processor.infer.Specs.maxPool;
import static dev.jconv.processor.infer.Specs.ok;
import static dev.jconv.processor.infer.Specs.separable;
import static dev.jconv.processor.infer.Specs.sq;
import static dev.jconv.processor.infer.Specs.vector;
import static dev.jconv.processor.infer.Specs.zeroPadding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Activation.Fn;
import dev.jconv.processor.diag.Diag;
import dev.jconv.processor.diag.Report;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layers that do not fit their inputs: each returns {@link Inferred.Failed} with the right
 * catalogue entry, on the attribute at fault, with a message that names the shapes and the fix.
 */
class LayerInferenceFailureTest {
  @Test
  void kernelLargerThanInput() {
    Report r = failed(conv2d(4, 5, VALID), image(4, 4, 1));
    assertReport(r, Diag.KERNEL_TOO_LARGE, "kernelSize");
    assertContains(r, "'conv' (Conv2D): kernel 5x5 is larger than its input (None, 4, 4, 1)");
    assertContains(r, "use padding = SAME");
  }

  @Test
  void kernelThatFitsOneAxisOnly() {
    LayerSpec spec = conv2d(4, new IntPair(3, 9), ONE, VALID, ONE, true);
    assertReport(failed(spec, image(10, 8, 1)), Diag.KERNEL_TOO_LARGE, "kernelSize");
  }

  @Test
  void sameNeverFailsOnKernelSize() {
    assertEquals(image(4, 4, 4), ok(conv2d(4, 5, SAME), image(4, 4, 1)).output());
  }

  @Test
  void dilationMakesTheKernelTooLarge() {
    // 3x3 dilated by 3 spans 7x7 > 6x6.
    Report r = failed(conv2d(4, sq(3), ONE, VALID, sq(3), true), image(6, 6, 2));
    assertReport(r, Diag.KERNEL_TOO_LARGE, "kernelSize");
    assertContains(r, "kernel 3x3 (7x7 with dilationRate = 3x3)");
  }

  @Test
  void depthwiseAndSeparableKernelsTooLarge() {
    Report dw = failed(depthwise(sq(3), ONE, VALID, 1, ONE, true), image(2, 2, 8));
    assertReport(dw, Diag.KERNEL_TOO_LARGE, "kernelSize");
    assertContains(dw, "'dw' (DepthwiseConv2D)");
    Report sep = failed(separable(8, sq(5), ONE, VALID, 1, ONE, true), image(4, 9, 8));
    assertReport(sep, Diag.KERNEL_TOO_LARGE, "kernelSize");
    assertContains(sep, "'sep' (SeparableConv2D)");
  }

  @Test
  void poolWindowLargerThanInput() {
    Report max = failed(maxPool(sq(3), sq(3), VALID), image(2, 2, 4));
    assertReport(max, Diag.POOL_TOO_LARGE, "poolSize");
    assertContains(max, "'pool' (MaxPooling2D): pool window 3x3 is larger than its input");
    assertReport(
        failed(avgPool(sq(2), sq(2), VALID), image(1, 5, 4)), Diag.POOL_TOO_LARGE, "poolSize");
    assertEquals(image(1, 3, 4), ok(avgPool(sq(2), sq(2), SAME), image(1, 5, 4)).output());
  }

  @Test
  void imageLayersRejectVectors() {
    List<LayerSpec> imageLayers =
        List.of(
            conv2d(4, 3, SAME),
            depthwise(sq(3), ONE, SAME, 1, ONE, true),
            separable(4, sq(3), ONE, SAME, 1, ONE, true),
            maxPool(sq(2), sq(2), VALID),
            avgPool(sq(2), sq(2), VALID),
            new LayerSpec.GlobalAveragePooling2D("gap", List.of(), SRC, false),
            new LayerSpec.GlobalMaxPooling2D("gmp", List.of(), SRC, true),
            zeroPadding(1, 1, 1, 1));
    for (LayerSpec spec : imageLayers) {
      Report r = failedFrom(spec, List.of("flat"), vector(64));
      assertReport(r, Diag.NEEDS_IMAGE, "from");
      assertContains(r, "'" + spec.name() + "' (" + spec.kerasType() + ") needs a (height, width");
      assertContains(r, "'flat' gives (None, 64)");
    }
  }

  @Test
  void needsImageNamesTheNetworkInput() {
    Report r = failedFrom(conv2d(4, 3, SAME), List.of("input"), vector(10));
    assertContains(r, "but the network input gives (None, 10)");
  }

  @Test
  void denseFedAnImage() {
    Report r = failedFrom(dense(10, true), List.of("pool2"), image(7, 7, 64));
    assertReport(r, Diag.DENSE_NEEDS_FLAT, "from");
    assertContains(r, "'fc' (Dense) is fed (None, 7, 7, 64) by 'pool2'");
    assertContains(r, "add @Flatten or @GlobalAveragePooling2D before 'fc'");
  }

  @Test
  void addOfDifferentShapes() {
    Report r = failed(add("conv3b", "pool2"), image(8, 8, 32), image(16, 16, 32));
    assertReport(r, Diag.ADD_SHAPES, "from");
    assertContains(r, "'conv3b' (None, 8, 8, 32), 'pool2' (None, 16, 16, 32)");
    assertContains(r, "1x1 Conv2D");
  }

  @Test
  void addOfDifferentChannels() {
    Report r = failed(add("a", "b", "c"), image(8, 8, 32), image(8, 8, 32), image(8, 8, 16));
    assertReport(r, Diag.ADD_SHAPES, "from");
    assertContains(r, "'c' (None, 8, 8, 16)");
  }

  @Test
  void concatenateOfDifferentSpatialSizes() {
    Report r = failed(concatenate("a", "b"), image(16, 16, 64), image(8, 8, 64));
    assertReport(r, Diag.CONCAT_SHAPES, "from");
    assertContains(
        r, "inputs differ in spatial size: 'a' (None, 16, 16, 64), 'b' (None, 8, 8, 64)");
  }

  @Test
  void concatenateOfDifferentRanks() {
    Report r = failed(concatenate("a", "b"), image(4, 4, 2), vector(32));
    assertReport(r, Diag.CONCAT_SHAPES, "from");
    assertContains(r, "inputs differ in rank");
  }

  @Test
  void outputTooLargeForAJavaArray() {
    Report r = failed(conv2d(64, 3, SAME), image(8192, 8192, 3));
    assertReport(r, Diag.TOO_LARGE, null);
    assertContains(r, "output (None, 8192, 8192, 64) has 4,294,967,296 elements");
  }

  @Test
  void kernelTooLargeForAJavaArray() {
    Report r = failed(dense(100_000, true), vector(100_000));
    assertReport(r, Diag.TOO_LARGE, null);
    assertContains(r, "kernel [100000, 100000] has 10,000,000,000 elements");
  }

  @Test
  void flattenOfAnInputTooLargeForAJavaArray() {
    Report r = failed(flatten(), image(50_000, 50_000, 3));
    assertReport(r, Diag.TOO_LARGE, null);
    assertContains(r, "7,500,000,000 elements");
  }

  @Test
  void concatenateTooLargeForAJavaArray() {
    int half = 1 << 30;
    Report r = failed(concatenate("a", "b"), vector(half), vector(half));
    assertReport(r, Diag.TOO_LARGE, null);
    assertContains(r, "2,147,483,648 elements");
  }

  @Test
  void zeroPaddingTooLargeForAJavaArray() {
    Report r = failed(zeroPadding(1, 1, 0, 0), image(Integer.MAX_VALUE, 1, 1));
    assertReport(r, Diag.TOO_LARGE, null);
    assertContains(r, "2,147,483,649 elements");
  }

  @Test
  void activationPassesTheInputSizeCheckOn() {
    Report r =
        failed(new LayerSpec.Activation("act", List.of(), SRC, Fn.RELU), image(65_536, 65_536, 1));
    assertReport(r, Diag.TOO_LARGE, null);
  }

  private static void assertReport(Report r, Diag diag, String attribute) {
    assertEquals(diag, r.diag(), r.message());
    assertSame(SRC, r.source());
    if (attribute == null) {
      assertNull(r.attribute(), r.message());
    } else {
      assertEquals(attribute, r.attribute(), r.message());
    }
    assertTrue(r.message().startsWith("[" + diag.id() + "] "), r.message());
  }

  private static void assertContains(Report r, String fragment) {
    assertTrue(r.message().contains(fragment), () -> r.message() + "\n  lacks: " + fragment);
  }
}
