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
import dev.jconv.Network;

/**
 * CIFAR ResNet-20 (He et al. 2016, section 4.2) for the side-by-side benchmark: a 3x3 stem of 16
 * filters, three stages of three basic blocks with 16, 32 and 64 filters, convolutions without bias
 * followed by BatchNormalization, 1x1 projection shortcuts where a stage halves the resolution,
 * global average pooling and a 10-way dense layer; 274,042 parameters (1,568 of them batch-norm
 * statistics).
 */
@Network(
    input = {32, 32, 3},
    params = 274_042)
public abstract class ResNet20 {
  // Stem: (32, 32, 3) -> (32, 32, 16).
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer stem_conv;

  @BatchNormalization Layer stem_bn;

  @Activation(RELU)
  Layer stem_relu;

  // Stage 1: 16 filters at 32x32.
  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer s1b1_conv1;

  @BatchNormalization Layer s1b1_bn1;

  @Activation(RELU)
  Layer s1b1_relu1;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer s1b1_conv2;

  @BatchNormalization Layer s1b1_bn2;

  @Add(from = {"s1b1_bn2", "stem_relu"})
  Layer s1b1_add;

  @Activation(RELU)
  Layer s1b1_out;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer s1b2_conv1;

  @BatchNormalization Layer s1b2_bn1;

  @Activation(RELU)
  Layer s1b2_relu1;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer s1b2_conv2;

  @BatchNormalization Layer s1b2_bn2;

  @Add(from = {"s1b2_bn2", "s1b1_out"})
  Layer s1b2_add;

  @Activation(RELU)
  Layer s1b2_out;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer s1b3_conv1;

  @BatchNormalization Layer s1b3_bn1;

  @Activation(RELU)
  Layer s1b3_relu1;

  @Conv2D(filters = 16, kernelSize = 3, padding = SAME, useBias = false)
  Layer s1b3_conv2;

  @BatchNormalization Layer s1b3_bn2;

  @Add(from = {"s1b3_bn2", "s1b2_out"})
  Layer s1b3_add;

  @Activation(RELU)
  Layer s1b3_out;

  // Stage 2: 32 filters at 16x16, entered by a strided block with a projection shortcut.
  @Conv2D(filters = 32, kernelSize = 3, strides = 2, padding = SAME, useBias = false)
  Layer s2b1_conv1;

  @BatchNormalization Layer s2b1_bn1;

  @Activation(RELU)
  Layer s2b1_relu1;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, useBias = false)
  Layer s2b1_conv2;

  @BatchNormalization Layer s2b1_bn2;

  @Conv2D(filters = 32, kernelSize = 1, strides = 2, useBias = false, from = "s1b3_out")
  Layer s2b1_proj;

  @BatchNormalization Layer s2b1_proj_bn;

  @Add(from = {"s2b1_bn2", "s2b1_proj_bn"})
  Layer s2b1_add;

  @Activation(RELU)
  Layer s2b1_out;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, useBias = false)
  Layer s2b2_conv1;

  @BatchNormalization Layer s2b2_bn1;

  @Activation(RELU)
  Layer s2b2_relu1;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, useBias = false)
  Layer s2b2_conv2;

  @BatchNormalization Layer s2b2_bn2;

  @Add(from = {"s2b2_bn2", "s2b1_out"})
  Layer s2b2_add;

  @Activation(RELU)
  Layer s2b2_out;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, useBias = false)
  Layer s2b3_conv1;

  @BatchNormalization Layer s2b3_bn1;

  @Activation(RELU)
  Layer s2b3_relu1;

  @Conv2D(filters = 32, kernelSize = 3, padding = SAME, useBias = false)
  Layer s2b3_conv2;

  @BatchNormalization Layer s2b3_bn2;

  @Add(from = {"s2b3_bn2", "s2b2_out"})
  Layer s2b3_add;

  @Activation(RELU)
  Layer s2b3_out;

  // Stage 3: 64 filters at 8x8, entered by a strided block with a projection shortcut.
  @Conv2D(filters = 64, kernelSize = 3, strides = 2, padding = SAME, useBias = false)
  Layer s3b1_conv1;

  @BatchNormalization Layer s3b1_bn1;

  @Activation(RELU)
  Layer s3b1_relu1;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer s3b1_conv2;

  @BatchNormalization Layer s3b1_bn2;

  @Conv2D(filters = 64, kernelSize = 1, strides = 2, useBias = false, from = "s2b3_out")
  Layer s3b1_proj;

  @BatchNormalization Layer s3b1_proj_bn;

  @Add(from = {"s3b1_bn2", "s3b1_proj_bn"})
  Layer s3b1_add;

  @Activation(RELU)
  Layer s3b1_out;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer s3b2_conv1;

  @BatchNormalization Layer s3b2_bn1;

  @Activation(RELU)
  Layer s3b2_relu1;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer s3b2_conv2;

  @BatchNormalization Layer s3b2_bn2;

  @Add(from = {"s3b2_bn2", "s3b1_out"})
  Layer s3b2_add;

  @Activation(RELU)
  Layer s3b2_out;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer s3b3_conv1;

  @BatchNormalization Layer s3b3_bn1;

  @Activation(RELU)
  Layer s3b3_relu1;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer s3b3_conv2;

  @BatchNormalization Layer s3b3_bn2;

  @Add(from = {"s3b3_bn2", "s3b2_out"})
  Layer s3b3_add;

  @Activation(RELU)
  Layer s3b3_out;

  // Head: (8, 8, 64) -> (10).
  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 10, activation = SOFTMAX)
  Layer predictions;
}
