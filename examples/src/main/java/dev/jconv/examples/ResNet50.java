package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.Add;
import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;
import dev.jconv.ZeroPadding2D;

/**
 * ResNet-50 (He et al., 2015) as {@code keras.applications.ResNet50(include_top=True)} builds it:
 * 224x224 RGB, a 7x7 stride-2 stem, 16 bottleneck blocks in four stages (3, 4, 6 and 3 blocks of
 * 1x1, 3x3 and 1x1 convolutions with 64, 128, 256 and 512 filters, expanded four times), global
 * average pooling and a 1000-class dense layer; 25,636,712 parameters (25,583,592 trainable, 53,120
 * non-trainable moving statistics), Keras's published totals, checked by the build.
 *
 * <p>Field names are Keras's layer names, so Keras's weights map one to one. As in Keras, the
 * convolutions have biases, batch normalization uses epsilon 1.001e-5, the first block of each
 * stage has a projection shortcut ({@code _0_conv}) and its stride sits on the first 1x1
 * convolution, and the stem pads explicitly ({@code conv1_pad}, {@code pool1_pad}).
 */
@Network(
    input = {224, 224, 3},
    params = 25_636_712)
public abstract class ResNet50 {
  /** Keras's batch-normalization epsilon in ResNet. */
  static final double EPS = 1.001e-5;

  // Stem: (224, 224, 3) -> (112, 112, 64) -> (56, 56, 64).
  @ZeroPadding2D(padding = 3)
  Layer conv1_pad;

  @Conv2D(filters = 64, kernelSize = 7, strides = 2)
  Layer conv1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv1_bn;

  @Activation(RELU)
  Layer conv1_relu;

  @ZeroPadding2D(padding = 1)
  Layer pool1_pad;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer pool1_pool;

  // conv2_block1: projection shortcut, 256 channels.
  @Conv2D(filters = 256, kernelSize = 1, from = "pool1_pool")
  Layer conv2_block1_0_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block1_0_bn;

  @Conv2D(filters = 64, kernelSize = 1, from = "pool1_pool")
  Layer conv2_block1_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block1_1_bn;

  @Activation(RELU)
  Layer conv2_block1_1_relu;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME)
  Layer conv2_block1_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block1_2_bn;

  @Activation(RELU)
  Layer conv2_block1_2_relu;

  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv2_block1_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block1_3_bn;

  @Add(from = {"conv2_block1_0_bn", "conv2_block1_3_bn"})
  Layer conv2_block1_add;

  @Activation(RELU)
  Layer conv2_block1_out;

  // conv2_block2: identity shortcut.
  @Conv2D(filters = 64, kernelSize = 1)
  Layer conv2_block2_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block2_1_bn;

  @Activation(RELU)
  Layer conv2_block2_1_relu;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME)
  Layer conv2_block2_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block2_2_bn;

  @Activation(RELU)
  Layer conv2_block2_2_relu;

  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv2_block2_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block2_3_bn;

  @Add(from = {"conv2_block1_out", "conv2_block2_3_bn"})
  Layer conv2_block2_add;

  @Activation(RELU)
  Layer conv2_block2_out;

  // conv2_block3: identity shortcut.
  @Conv2D(filters = 64, kernelSize = 1)
  Layer conv2_block3_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block3_1_bn;

  @Activation(RELU)
  Layer conv2_block3_1_relu;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME)
  Layer conv2_block3_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block3_2_bn;

  @Activation(RELU)
  Layer conv2_block3_2_relu;

  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv2_block3_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv2_block3_3_bn;

  @Add(from = {"conv2_block2_out", "conv2_block3_3_bn"})
  Layer conv2_block3_add;

  @Activation(RELU)
  Layer conv2_block3_out;

  // conv3_block1: projection shortcut, 512 channels at stride 2.
  @Conv2D(filters = 512, kernelSize = 1, strides = 2, from = "conv2_block3_out")
  Layer conv3_block1_0_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block1_0_bn;

  @Conv2D(filters = 128, kernelSize = 1, strides = 2, from = "conv2_block3_out")
  Layer conv3_block1_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block1_1_bn;

  @Activation(RELU)
  Layer conv3_block1_1_relu;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME)
  Layer conv3_block1_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block1_2_bn;

  @Activation(RELU)
  Layer conv3_block1_2_relu;

  @Conv2D(filters = 512, kernelSize = 1)
  Layer conv3_block1_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block1_3_bn;

  @Add(from = {"conv3_block1_0_bn", "conv3_block1_3_bn"})
  Layer conv3_block1_add;

  @Activation(RELU)
  Layer conv3_block1_out;

  // conv3_block2: identity shortcut.
  @Conv2D(filters = 128, kernelSize = 1)
  Layer conv3_block2_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block2_1_bn;

  @Activation(RELU)
  Layer conv3_block2_1_relu;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME)
  Layer conv3_block2_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block2_2_bn;

  @Activation(RELU)
  Layer conv3_block2_2_relu;

  @Conv2D(filters = 512, kernelSize = 1)
  Layer conv3_block2_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block2_3_bn;

  @Add(from = {"conv3_block1_out", "conv3_block2_3_bn"})
  Layer conv3_block2_add;

  @Activation(RELU)
  Layer conv3_block2_out;

  // conv3_block3: identity shortcut.
  @Conv2D(filters = 128, kernelSize = 1)
  Layer conv3_block3_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block3_1_bn;

  @Activation(RELU)
  Layer conv3_block3_1_relu;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME)
  Layer conv3_block3_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block3_2_bn;

  @Activation(RELU)
  Layer conv3_block3_2_relu;

  @Conv2D(filters = 512, kernelSize = 1)
  Layer conv3_block3_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block3_3_bn;

  @Add(from = {"conv3_block2_out", "conv3_block3_3_bn"})
  Layer conv3_block3_add;

  @Activation(RELU)
  Layer conv3_block3_out;

  // conv3_block4: identity shortcut.
  @Conv2D(filters = 128, kernelSize = 1)
  Layer conv3_block4_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block4_1_bn;

  @Activation(RELU)
  Layer conv3_block4_1_relu;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME)
  Layer conv3_block4_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block4_2_bn;

  @Activation(RELU)
  Layer conv3_block4_2_relu;

  @Conv2D(filters = 512, kernelSize = 1)
  Layer conv3_block4_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv3_block4_3_bn;

  @Add(from = {"conv3_block3_out", "conv3_block4_3_bn"})
  Layer conv3_block4_add;

  @Activation(RELU)
  Layer conv3_block4_out;

  // conv4_block1: projection shortcut, 1024 channels at stride 2.
  @Conv2D(filters = 1024, kernelSize = 1, strides = 2, from = "conv3_block4_out")
  Layer conv4_block1_0_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block1_0_bn;

  @Conv2D(filters = 256, kernelSize = 1, strides = 2, from = "conv3_block4_out")
  Layer conv4_block1_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block1_1_bn;

  @Activation(RELU)
  Layer conv4_block1_1_relu;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME)
  Layer conv4_block1_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block1_2_bn;

  @Activation(RELU)
  Layer conv4_block1_2_relu;

  @Conv2D(filters = 1024, kernelSize = 1)
  Layer conv4_block1_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block1_3_bn;

  @Add(from = {"conv4_block1_0_bn", "conv4_block1_3_bn"})
  Layer conv4_block1_add;

  @Activation(RELU)
  Layer conv4_block1_out;

  // conv4_block2: identity shortcut.
  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv4_block2_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block2_1_bn;

  @Activation(RELU)
  Layer conv4_block2_1_relu;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME)
  Layer conv4_block2_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block2_2_bn;

  @Activation(RELU)
  Layer conv4_block2_2_relu;

  @Conv2D(filters = 1024, kernelSize = 1)
  Layer conv4_block2_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block2_3_bn;

  @Add(from = {"conv4_block1_out", "conv4_block2_3_bn"})
  Layer conv4_block2_add;

  @Activation(RELU)
  Layer conv4_block2_out;

  // conv4_block3: identity shortcut.
  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv4_block3_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block3_1_bn;

  @Activation(RELU)
  Layer conv4_block3_1_relu;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME)
  Layer conv4_block3_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block3_2_bn;

  @Activation(RELU)
  Layer conv4_block3_2_relu;

  @Conv2D(filters = 1024, kernelSize = 1)
  Layer conv4_block3_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block3_3_bn;

  @Add(from = {"conv4_block2_out", "conv4_block3_3_bn"})
  Layer conv4_block3_add;

  @Activation(RELU)
  Layer conv4_block3_out;

  // conv4_block4: identity shortcut.
  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv4_block4_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block4_1_bn;

  @Activation(RELU)
  Layer conv4_block4_1_relu;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME)
  Layer conv4_block4_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block4_2_bn;

  @Activation(RELU)
  Layer conv4_block4_2_relu;

  @Conv2D(filters = 1024, kernelSize = 1)
  Layer conv4_block4_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block4_3_bn;

  @Add(from = {"conv4_block3_out", "conv4_block4_3_bn"})
  Layer conv4_block4_add;

  @Activation(RELU)
  Layer conv4_block4_out;

  // conv4_block5: identity shortcut.
  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv4_block5_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block5_1_bn;

  @Activation(RELU)
  Layer conv4_block5_1_relu;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME)
  Layer conv4_block5_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block5_2_bn;

  @Activation(RELU)
  Layer conv4_block5_2_relu;

  @Conv2D(filters = 1024, kernelSize = 1)
  Layer conv4_block5_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block5_3_bn;

  @Add(from = {"conv4_block4_out", "conv4_block5_3_bn"})
  Layer conv4_block5_add;

  @Activation(RELU)
  Layer conv4_block5_out;

  // conv4_block6: identity shortcut.
  @Conv2D(filters = 256, kernelSize = 1)
  Layer conv4_block6_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block6_1_bn;

  @Activation(RELU)
  Layer conv4_block6_1_relu;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME)
  Layer conv4_block6_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block6_2_bn;

  @Activation(RELU)
  Layer conv4_block6_2_relu;

  @Conv2D(filters = 1024, kernelSize = 1)
  Layer conv4_block6_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv4_block6_3_bn;

  @Add(from = {"conv4_block5_out", "conv4_block6_3_bn"})
  Layer conv4_block6_add;

  @Activation(RELU)
  Layer conv4_block6_out;

  // conv5_block1: projection shortcut, 2048 channels at stride 2.
  @Conv2D(filters = 2048, kernelSize = 1, strides = 2, from = "conv4_block6_out")
  Layer conv5_block1_0_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block1_0_bn;

  @Conv2D(filters = 512, kernelSize = 1, strides = 2, from = "conv4_block6_out")
  Layer conv5_block1_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block1_1_bn;

  @Activation(RELU)
  Layer conv5_block1_1_relu;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME)
  Layer conv5_block1_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block1_2_bn;

  @Activation(RELU)
  Layer conv5_block1_2_relu;

  @Conv2D(filters = 2048, kernelSize = 1)
  Layer conv5_block1_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block1_3_bn;

  @Add(from = {"conv5_block1_0_bn", "conv5_block1_3_bn"})
  Layer conv5_block1_add;

  @Activation(RELU)
  Layer conv5_block1_out;

  // conv5_block2: identity shortcut.
  @Conv2D(filters = 512, kernelSize = 1)
  Layer conv5_block2_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block2_1_bn;

  @Activation(RELU)
  Layer conv5_block2_1_relu;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME)
  Layer conv5_block2_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block2_2_bn;

  @Activation(RELU)
  Layer conv5_block2_2_relu;

  @Conv2D(filters = 2048, kernelSize = 1)
  Layer conv5_block2_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block2_3_bn;

  @Add(from = {"conv5_block1_out", "conv5_block2_3_bn"})
  Layer conv5_block2_add;

  @Activation(RELU)
  Layer conv5_block2_out;

  // conv5_block3: identity shortcut.
  @Conv2D(filters = 512, kernelSize = 1)
  Layer conv5_block3_1_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block3_1_bn;

  @Activation(RELU)
  Layer conv5_block3_1_relu;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME)
  Layer conv5_block3_2_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block3_2_bn;

  @Activation(RELU)
  Layer conv5_block3_2_relu;

  @Conv2D(filters = 2048, kernelSize = 1)
  Layer conv5_block3_3_conv;

  @BatchNormalization(epsilon = EPS)
  Layer conv5_block3_3_bn;

  @Add(from = {"conv5_block2_out", "conv5_block3_3_bn"})
  Layer conv5_block3_add;

  @Activation(RELU)
  Layer conv5_block3_out;

  // Head: (7, 7, 2048) -> (2048) -> (1000).
  @GlobalAveragePooling2D Layer avg_pool;

  @Dense(units = 1000, activation = SOFTMAX)
  Layer predictions;
}
