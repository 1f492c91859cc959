package dev.jconv.bench.torch;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The benchmark networks as DJL blocks, layer for layer the same as the jconv {@code @Network}
 * classes (NCHW instead of NHWC; logits out, the softmax being fused into the loss in training and
 * applied by the caller for inference). Parameter counts are checked against jconv's at run time.
 */
final class TorchNets {
  private TorchNets() {}

  /** The block of the network called {@code net} and its input shape (C, H, W). */
  static Block block(String net) {
    return switch (net) {
      case "SeedNet" -> seedNet();
      case "FashionTutorialNet" -> fashionTutorialNet();
      case "FashionNet" -> fashionNet();
      case "ResNet20" -> resNet20();
      default -> throw new IllegalArgumentException("no PyTorch copy of the network " + net);
    };
  }

  /** The input shape (C, H, W) of {@code net}. */
  static Shape input(String net) {
    return switch (net) {
      case "SeedNet" -> new Shape(3, 64, 64);
      case "FashionTutorialNet", "FashionNet" -> new Shape(1, 28, 28);
      case "ResNet20" -> new Shape(3, 32, 32);
      default -> throw new IllegalArgumentException("no PyTorch copy of the network " + net);
    };
  }

  private static Block seedNet() {
    return new SequentialBlock()
        .add(conv(8, 3, 1, true))
        .add(Activation.reluBlock())
        .add(pool())
        .add(conv(16, 3, 1, true))
        .add(Activation.reluBlock())
        .add(conv(16, 3, 1, true))
        .add(Activation.reluBlock())
        .add(pool())
        .add(conv(24, 5, 1, true))
        .add(Activation.reluBlock())
        .add(conv(24, 5, 1, true))
        .add(Activation.reluBlock())
        .add(pool())
        .add(Pool.globalAvgPool2dBlock())
        .add(Blocks.batchFlattenBlock())
        .add(dense(64))
        .add(Activation.reluBlock())
        .add(dropout(0.5f))
        .add(dense(16))
        .add(Activation.reluBlock())
        .add(dropout(0.5f))
        .add(dense(5));
  }

  private static Block fashionTutorialNet() {
    return new SequentialBlock()
        .add(conv(32, 5, 1, true))
        .add(Activation.reluBlock())
        .add(pool())
        .add(conv(64, 5, 1, true))
        .add(Activation.reluBlock())
        .add(pool())
        .add(Blocks.batchFlattenBlock())
        .add(dense(1024))
        .add(Activation.reluBlock())
        .add(dropout(0.4f))
        .add(dense(10));
  }

  private static Block fashionNet() {
    return new SequentialBlock()
        .add(conv(32, 3, 1, true, 0))
        .add(Activation.reluBlock())
        .add(pool())
        .add(conv(64, 3, 1, true, 0))
        .add(Activation.reluBlock())
        .add(pool())
        .add(Blocks.batchFlattenBlock())
        .add(dense(128))
        .add(Activation.reluBlock())
        .add(dropout(0.5f))
        .add(dense(10));
  }

  private static Block resNet20() {
    SequentialBlock net =
        new SequentialBlock()
            .add(conv(16, 3, 1, false))
            .add(BatchNorm.builder().build())
            .add(Activation.reluBlock());
    int[] filters = {16, 32, 64};
    for (int stage = 0; stage < 3; stage++) {
      for (int b = 0; b < 3; b++) {
        boolean project = stage > 0 && b == 0;
        net.add(basicBlock(filters[stage], project ? 2 : 1, project));
      }
    }
    return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock()).add(dense(10));
  }

  /** Two 3x3 convolutions with BN, plus the identity or a 1x1 projection, then ReLU. */
  private static Block basicBlock(int filters, int stride, boolean project) {
    Block main =
        new SequentialBlock()
            .add(conv(filters, 3, stride, false))
            .add(BatchNorm.builder().build())
            .add(Activation.reluBlock())
            .add(conv(filters, 3, 1, false))
            .add(BatchNorm.builder().build());
    Block shortcut =
        project
            ? new SequentialBlock()
                .add(conv(filters, 1, stride, false, 0))
                .add(BatchNorm.builder().build())
            : Blocks.identityBlock();
    return new SequentialBlock()
        .add(
            new ParallelBlock(
                list ->
                    new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                List.of(main, shortcut)))
        .add(Activation.reluBlock());
  }

  /** A convolution padded like Keras's SAME for odd kernels (k / 2 on each side). */
  private static Block conv(int filters, int kernel, int stride, boolean bias) {
    return conv(filters, kernel, stride, bias, kernel / 2);
  }

  private static Block conv(int filters, int kernel, int stride, boolean bias, int pad) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .optBias(bias)
        .build();
  }

  private static Block pool() {
    return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
  }

  private static Block dense(int units) {
    return Linear.builder().setUnits(units).build();
  }

  private static Block dropout(float rate) {
    return Dropout.builder().optRate(rate).build();
  }
}
