package dev.jconv.processor.infer;

import static dev.jconv.Padding.SAME;
import static dev.jconv.Padding.VALID;
import static dev.jconv.processor.infer.Specs.ONE;
import static dev.jconv.processor.infer.Specs.SRC;
import static dev.jconv.processor.infer.Specs.add;
import static dev.jconv.processor.infer.Specs.avgPool;
import static dev.jconv.processor.infer.Specs.batchNorm;
import static dev.jconv.processor.infer.Specs.concatenate;
import static dev.jconv.processor.infer.Specs.conv2d;
import static dev.jconv.processor.infer.Specs.dense;
import static dev.jconv.processor.infer.Specs.depthwise;
import static dev.jconv.processor.infer.Specs.flatten;
import static dev.jconv.processor.infer.Specs.image;
import static dev.jconv.processor.infer.Specs.maxPool;
import static dev.jconv.processor.infer.Specs.ok;
import static dev.jconv.processor.infer.Specs.separable;
import static dev.jconv.processor.infer.Specs.sq;
import static dev.jconv.processor.infer.Specs.vector;
import static dev.jconv.processor.infer.Specs.zeroPadding;
import static dev.jconv.processor.model.ParamKind.BETA;
import static dev.jconv.processor.model.ParamKind.BIAS;
import static dev.jconv.processor.model.ParamKind.DEPTHWISE_KERNEL;
import static dev.jconv.processor.model.ParamKind.GAMMA;
import static dev.jconv.processor.model.ParamKind.KERNEL;
import static dev.jconv.processor.model.ParamKind.MOVING_MEAN;
import static dev.jconv.processor.model.ParamKind.MOVING_VARIANCE;
import static dev.jconv.processor.model.ParamKind.POINTWISE_KERNEL;
import static dev.jconv.processor.model.ParamSpec.fixed;
import static dev.jconv.processor.model.ParamSpec.trainable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jconv.Activation.Fn;
import dev.jconv.processor.model.IntPair;
import dev.jconv.processor.model.LayerSpec;
import dev.jconv.processor.model.Shape;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Output shape and parameter tensors (kinds, Keras layouts, trainable flags) of every layer kind
 * that fits its input. Failures are in {@link LayerInferenceFailureTest}.
 */
class LayerInferenceTest {
  @Nested
  class Conv2D {
    @Test
    void validShrinksByKernelMinusOne() {
      // Keras docs: Conv2D(2, 3) on (4, 28, 28, 3) -> (4, 26, 26, 2).
      Inferred.Ok ok = ok(conv2d(2, 3, VALID), image(28, 28, 3));
      assertEquals(image(26, 26, 2), ok.output());
      assertEquals(List.of(trainable(KERNEL, 3, 3, 3, 2), trainable(BIAS, 2)), ok.params());
    }

    @Test
    void sameKeepsTheSize() {
      // Keras docs: padding="same" -> (4, 28, 28, 2).
      assertEquals(image(28, 28, 2), ok(conv2d(2, 3, SAME), image(28, 28, 3)).output());
    }

    @Test
    void dilationWidensTheKernel() {
      // Keras docs: dilation_rate=2 -> (4, 24, 24, 2); the 3x3 kernel spans 5x5.
      Inferred.Ok ok = ok(conv2d(2, sq(3), ONE, VALID, sq(2), true), image(28, 28, 3));
      assertEquals(image(24, 24, 2), ok.output());
      assertEquals(trainable(KERNEL, 3, 3, 3, 2), ok.params().get(0));
    }

    @Test
    void kerasThreeDocsExample() {
      // Keras 3 docs: Conv2D(32, 3) on (4, 10, 10, 128) -> (4, 8, 8, 32); 3*3*128*32 + 32.
      Inferred.Ok ok = ok(conv2d(32, 3, VALID), image(10, 10, 128));
      assertEquals(image(8, 8, 32), ok.output());
      assertEquals(36_896, paramCount(ok));
    }

    @Test
    void oddSizeWithStrideTwo() {
      Shape in = image(7, 7, 1);
      assertEquals(image(4, 4, 8), ok(conv2d(8, sq(3), sq(2), SAME, ONE, true), in).output());
      assertEquals(image(3, 3, 8), ok(conv2d(8, sq(3), sq(2), VALID, ONE, true), in).output());
    }

    @Test
    void rectangularKernelStridesAndDilation() {
      // h: (7 - 3) / 2 + 1 = 3; w: kernel 5 dilated by 2 spans 9, (9 - 9) / 1 + 1 = 1.
      Inferred.Ok strided =
          ok(conv2d(6, new IntPair(3, 5), new IntPair(2, 1), VALID, ONE, true), image(7, 9, 4));
      assertEquals(image(3, 5, 6), strided.output());
      assertEquals(trainable(KERNEL, 3, 5, 4, 6), strided.params().get(0));
      Inferred.Ok dilated =
          ok(conv2d(6, new IntPair(3, 5), ONE, VALID, new IntPair(1, 2), true), image(7, 9, 4));
      assertEquals(image(5, 1, 6), dilated.output());
    }

    @Test
    void noBiasLeavesOnlyTheKernel() {
      // MobileNet's conv1: 3*3*3*32 = 864.
      Inferred.Ok ok = ok(conv2d(32, sq(3), sq(2), VALID, ONE, false), image(225, 225, 3));
      assertEquals(image(112, 112, 32), ok.output());
      assertEquals(List.of(trainable(KERNEL, 3, 3, 3, 32)), ok.params());
      assertEquals(864, paramCount(ok));
    }

    @Test
    void fusedActivationDoesNotChangeTheShape() {
      LayerSpec relu =
          new LayerSpec.Conv2D("conv", List.of(), SRC, 4, sq(3), ONE, SAME, ONE, Fn.RELU, true);
      assertEquals(image(5, 5, 4), ok(relu, image(5, 5, 2)).output());
    }
  }

  @Nested
  class DepthwiseConv2D {
    @Test
    void multiplierTimesInputChannels() {
      // Keras docs: depthwise 3x3 with depth_multiplier 3 on (4, 10, 10, 12) -> (4, 8, 8, 36).
      Inferred.Ok ok = ok(depthwise(sq(3), ONE, VALID, 3, ONE, true), image(10, 10, 12));
      assertEquals(image(8, 8, 36), ok.output());
      assertEquals(
          List.of(trainable(DEPTHWISE_KERNEL, 3, 3, 12, 3), trainable(BIAS, 36)), ok.params());
    }

    @Test
    void stridedAfterZeroPaddingAsMobileNet() {
      Inferred.Ok ok = ok(depthwise(sq(3), sq(2), VALID, 1, ONE, false), image(113, 113, 64));
      assertEquals(image(56, 56, 64), ok.output());
      assertEquals(List.of(trainable(DEPTHWISE_KERNEL, 3, 3, 64, 1)), ok.params());
    }

    @Test
    void sameWithDilation() {
      Inferred.Ok ok = ok(depthwise(sq(3), ONE, SAME, 2, sq(2), true), image(9, 9, 5));
      assertEquals(image(9, 9, 10), ok.output());
      Inferred.Ok valid = ok(depthwise(sq(3), ONE, VALID, 1, sq(2), true), image(9, 9, 5));
      assertEquals(image(5, 5, 5), valid.output()); // spans 5: 9 - 5 + 1
    }
  }

  @Nested
  class SeparableConv2D {
    @Test
    void depthwiseThenPointwiseThenBias() {
      Inferred.Ok ok = ok(separable(16, sq(3), ONE, VALID, 2, ONE, true), image(8, 8, 12));
      assertEquals(image(6, 6, 16), ok.output());
      assertEquals(
          List.of(
              trainable(DEPTHWISE_KERNEL, 3, 3, 12, 2),
              trainable(POINTWISE_KERNEL, 1, 1, 24, 16),
              trainable(BIAS, 16)),
          ok.params());
      assertEquals(216 + 384 + 16, paramCount(ok));
    }

    @Test
    void seedNetworkSep4() {
      // PatchNet's sep4: 3*3*32 + 32*32 + 32 = 1,344.
      Inferred.Ok ok = ok(separable(32, sq(3), ONE, SAME, 1, ONE, true), image(8, 8, 32));
      assertEquals(image(8, 8, 32), ok.output());
      assertEquals(1_344, paramCount(ok));
    }

    @Test
    void stridedSameOnOddSizeWithoutBias() {
      Inferred.Ok ok = ok(separable(4, sq(3), sq(2), SAME, 1, ONE, false), image(7, 7, 3));
      assertEquals(image(4, 4, 4), ok.output());
      assertEquals(2, ok.params().size());
    }
  }

  @Nested
  class Pooling {
    @Test
    void kerasDocsExamples() {
      // keras.layers.MaxPooling2D docs: 3x3, pool 2, strides 1 -> 2x2; 3x4 -> 2x3;
      // 3x4 with strides 2 -> 1x2.
      assertEquals(image(2, 2, 1), ok(maxPool(sq(2), ONE, VALID), image(3, 3, 1)).output());
      assertEquals(image(2, 3, 1), ok(maxPool(sq(2), ONE, VALID), image(3, 4, 1)).output());
      assertEquals(image(1, 2, 1), ok(maxPool(sq(2), sq(2), VALID), image(3, 4, 1)).output());
    }

    @Test
    void stridesEqualToThePoolSizeAsTheReaderDefaults() {
      assertEquals(image(3, 3, 8), ok(maxPool(sq(2), sq(2), VALID), image(7, 7, 8)).output());
      assertEquals(image(4, 4, 8), ok(maxPool(sq(2), sq(2), SAME), image(7, 7, 8)).output());
      assertEquals(image(3, 3, 8), ok(avgPool(sq(3), sq(3), VALID), image(9, 10, 8)).output());
    }

    @Test
    void inceptionPoolBranchKeepsTheSize() {
      assertEquals(image(16, 16, 192), ok(maxPool(sq(3), ONE, SAME), image(16, 16, 192)).output());
    }

    @Test
    void averagePoolingSameOnOddSize() {
      Inferred.Ok ok = ok(avgPool(new IntPair(3, 2), new IntPair(2, 3), SAME), image(7, 7, 2));
      assertEquals(image(4, 3, 2), ok.output());
      assertEquals(List.of(), ok.params());
    }

    @Test
    void globalPoolingDropsOrKeepsTheSpatialAxes() {
      Shape in = image(7, 7, 1024);
      LayerSpec gap = new LayerSpec.GlobalAveragePooling2D("gap", List.of(), SRC, false);
      LayerSpec gapKeep = new LayerSpec.GlobalAveragePooling2D("gap", List.of(), SRC, true);
      LayerSpec gmp = new LayerSpec.GlobalMaxPooling2D("gmp", List.of(), SRC, false);
      LayerSpec gmpKeep = new LayerSpec.GlobalMaxPooling2D("gmp", List.of(), SRC, true);
      assertEquals(vector(1024), ok(gap, in).output());
      assertEquals(image(1, 1, 1024), ok(gapKeep, in).output());
      assertEquals(vector(1024), ok(gmp, in).output());
      assertEquals(image(1, 1, 1024), ok(gmpKeep, in).output());
      assertEquals(List.of(), ok(gap, in).params());
    }
  }

  @Nested
  class Reshaping {
    @Test
    void zeroPaddingFourSides() {
      assertEquals(image(225, 225, 3), ok(zeroPadding(0, 1, 0, 1), image(224, 224, 3)).output());
      Inferred.Ok ok = ok(zeroPadding(1, 2, 3, 4), image(5, 6, 2));
      assertEquals(image(8, 13, 2), ok.output());
      assertEquals(List.of(), ok.params());
    }

    @Test
    void flattenIsRowMajorProduct() {
      assertEquals(vector(3_136), ok(flatten(), image(7, 7, 64)).output());
      assertEquals(vector(25_088), ok(flatten(), image(7, 7, 512)).output());
      assertEquals(vector(1_000), ok(flatten(), image(1, 1, 1_000)).output());
      assertEquals(vector(10), ok(flatten(), vector(10)).output());
    }

    @Test
    void dropoutAndActivationPassThrough() {
      LayerSpec dropout = new LayerSpec.Dropout("drop", List.of(), SRC, 0.5);
      LayerSpec softmax = new LayerSpec.Activation("act", List.of(), SRC, Fn.SOFTMAX);
      for (Shape in : List.of(image(4, 5, 6), vector(10))) {
        assertEquals(in, ok(dropout, in).output());
        assertEquals(in, ok(softmax, in).output());
        assertEquals(List.of(), ok(dropout, in).params());
        assertEquals(List.of(), ok(softmax, in).params());
      }
    }
  }

  @Nested
  class Dense {
    @Test
    void kernelIsInputsByUnits() {
      // VGG16's fc1: 25,088 * 4,096 + 4,096 = 102,764,544.
      Inferred.Ok ok = ok(dense(4096, true), vector(25_088));
      assertEquals(vector(4096), ok.output());
      assertEquals(List.of(trainable(KERNEL, 25_088, 4096), trainable(BIAS, 4096)), ok.params());
      assertEquals(102_764_544, paramCount(ok));
    }

    @Test
    void noBias() {
      assertEquals(List.of(trainable(KERNEL, 64, 5)), ok(dense(5, false), vector(64)).params());
    }
  }

  @Nested
  class BatchNormalization {
    @Test
    void fourTensorsTwoTrainable() {
      Inferred.Ok ok = ok(batchNorm(true, true), image(16, 16, 32));
      assertEquals(image(16, 16, 32), ok.output());
      assertEquals(
          List.of(
              trainable(GAMMA, 32),
              trainable(BETA, 32),
              fixed(MOVING_MEAN, 32),
              fixed(MOVING_VARIANCE, 32)),
          ok.params());
      assertEquals(128, paramCount(ok));
    }

    @Test
    void scaleFalseDropsGamma() {
      assertEquals(
          List.of(trainable(BETA, 8), fixed(MOVING_MEAN, 8), fixed(MOVING_VARIANCE, 8)),
          ok(batchNorm(true, false), image(3, 3, 8)).params());
    }

    @Test
    void centerFalseDropsBeta() {
      assertEquals(
          List.of(trainable(GAMMA, 8), fixed(MOVING_MEAN, 8), fixed(MOVING_VARIANCE, 8)),
          ok(batchNorm(false, true), image(3, 3, 8)).params());
    }

    @Test
    void neitherLeavesOnlyTheStatistics() {
      assertEquals(
          List.of(fixed(MOVING_MEAN, 8), fixed(MOVING_VARIANCE, 8)),
          ok(batchNorm(false, false), image(3, 3, 8)).params());
    }

    @Test
    void normalisesTheLastAxisOfVectors() {
      Inferred.Ok ok = ok(batchNorm(true, true), vector(100));
      assertEquals(vector(100), ok.output());
      assertEquals(400, paramCount(ok));
    }
  }

  @Nested
  class Merges {
    @Test
    void addKeepsTheCommonShape() {
      Shape s = image(16, 16, 32);
      assertEquals(s, ok(add("a", "b"), s, s).output());
      assertEquals(s, ok(add("a", "b", "c"), s, s, s).output());
      assertEquals(List.of(), ok(add("a", "b"), s, s).params());
    }

    @Test
    void concatenateSumsTheChannels() {
      // Inception (3a): 64 + 128 + 32 + 32 = 256.
      Inferred.Ok ok =
          ok(
              concatenate("b1x1", "b3x3", "b5x5", "bpool"),
              image(28, 28, 64),
              image(28, 28, 128),
              image(28, 28, 32),
              image(28, 28, 32));
      assertEquals(image(28, 28, 256), ok.output());
      assertEquals(List.of(), ok.params());
    }

    @Test
    void concatenateVectors() {
      assertEquals(vector(15), ok(concatenate("a", "b"), vector(10), vector(5)).output());
    }
  }

  static long paramCount(Inferred.Ok ok) {
    return ok.params().stream().mapToLong(p -> p.size()).sum();
  }
}
