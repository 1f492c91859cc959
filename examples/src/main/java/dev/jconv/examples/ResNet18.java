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
 * ResNet-18 (He et al., 2015, Table 1) as {@code torchvision.models.resnet18} builds it: 224x224
 * RGB, a 7x7 stride-2 stem and 3x3 max-pooling, eight basic blocks of two 3x3 convolutions in four
 * stages (64, 128, 256 and 512 filters; the first block of stages 2 to 4 halves the resolution and
 * projects its shortcut with a strided 1x1 convolution), global average pooling and a 1000-class
 * dense layer. 11,699,112 parameters: torchvision's published 11,689,512 plus the 9,600 moving
 * statistics of batch normalization, which Keras counts as (non-trainable) parameters and PyTorch
 * keeps as buffers.
 *
 * <p>Field names are torchvision's parameter names with dots as underscores ({@code
 * layer2.0.downsample.0} is {@code layer2_0_downsample_0}); as there, convolutions have no bias,
 * batch normalization uses epsilon 1e-5 and momentum 0.9 (PyTorch's 0.1), and padding is symmetric:
 * explicit {@code ZeroPadding2D} before each strided layer, {@code SAME} elsewhere. The output has
 * a softmax, which torchvision leaves to the loss.
 */
@Network(
    input = {224, 224, 3},
    params = 11_699_112)
public abstract class ResNet18 {
  /** PyTorch's batch-normalization epsilon. */
  static final double EPS = 1e-5;

  /** PyTorch's momentum 0.1 weighs the new batch; Keras's weighs the moving average. */
  static final double MOMENTUM = 0.9;

  // Stem: (224, 224, 3) -> (112, 112, 64) -> (56, 56, 64).
  @ZeroPadding2D(padding = 3)
  Layer conv1_pad;

  @Conv2D(filters = 64, kernelSize = 7, strides = 2, useBias = false)
  Layer conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer bn1;

  @Activation(RELU)
  Layer relu;

  // Zero padding before max-pooling is safe here: the input is a ReLU's output, never negative.
  @ZeroPadding2D(padding = 1)
  Layer maxpool_pad;

  @MaxPooling2D(poolSize = 3, strides = 2)
  Layer maxpool;

  // layer1_0: identity shortcut.
  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer1_0_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer1_0_bn1;

  @Activation(RELU)
  Layer layer1_0_relu1;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer1_0_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer1_0_bn2;

  @Add(from = {"layer1_0_bn2", "maxpool"})
  Layer layer1_0_add;

  @Activation(RELU)
  Layer layer1_0_relu2;

  // layer1_1: identity shortcut.
  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer1_1_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer1_1_bn1;

  @Activation(RELU)
  Layer layer1_1_relu1;

  @Conv2D(filters = 64, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer1_1_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer1_1_bn2;

  @Add(from = {"layer1_1_bn2", "layer1_0_relu2"})
  Layer layer1_1_add;

  @Activation(RELU)
  Layer layer1_1_relu2;

  // layer2_0: halves the resolution, 128 channels; the shortcut is projected.
  @ZeroPadding2D(padding = 1)
  Layer layer2_0_pad;

  @Conv2D(filters = 128, kernelSize = 3, strides = 2, useBias = false)
  Layer layer2_0_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer2_0_bn1;

  @Activation(RELU)
  Layer layer2_0_relu1;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer2_0_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer2_0_bn2;

  @Conv2D(filters = 128, kernelSize = 1, strides = 2, useBias = false, from = "layer1_1_relu2")
  Layer layer2_0_downsample_0;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer2_0_downsample_1;

  @Add(from = {"layer2_0_bn2", "layer2_0_downsample_1"})
  Layer layer2_0_add;

  @Activation(RELU)
  Layer layer2_0_relu2;

  // layer2_1: identity shortcut.
  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer2_1_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer2_1_bn1;

  @Activation(RELU)
  Layer layer2_1_relu1;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer2_1_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer2_1_bn2;

  @Add(from = {"layer2_1_bn2", "layer2_0_relu2"})
  Layer layer2_1_add;

  @Activation(RELU)
  Layer layer2_1_relu2;

  // layer3_0: halves the resolution, 256 channels; the shortcut is projected.
  @ZeroPadding2D(padding = 1)
  Layer layer3_0_pad;

  @Conv2D(filters = 256, kernelSize = 3, strides = 2, useBias = false)
  Layer layer3_0_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer3_0_bn1;

  @Activation(RELU)
  Layer layer3_0_relu1;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer3_0_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer3_0_bn2;

  @Conv2D(filters = 256, kernelSize = 1, strides = 2, useBias = false, from = "layer2_1_relu2")
  Layer layer3_0_downsample_0;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer3_0_downsample_1;

  @Add(from = {"layer3_0_bn2", "layer3_0_downsample_1"})
  Layer layer3_0_add;

  @Activation(RELU)
  Layer layer3_0_relu2;

  // layer3_1: identity shortcut.
  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer3_1_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer3_1_bn1;

  @Activation(RELU)
  Layer layer3_1_relu1;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer3_1_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer3_1_bn2;

  @Add(from = {"layer3_1_bn2", "layer3_0_relu2"})
  Layer layer3_1_add;

  @Activation(RELU)
  Layer layer3_1_relu2;

  // layer4_0: halves the resolution, 512 channels; the shortcut is projected.
  @ZeroPadding2D(padding = 1)
  Layer layer4_0_pad;

  @Conv2D(filters = 512, kernelSize = 3, strides = 2, useBias = false)
  Layer layer4_0_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer4_0_bn1;

  @Activation(RELU)
  Layer layer4_0_relu1;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer4_0_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer4_0_bn2;

  @Conv2D(filters = 512, kernelSize = 1, strides = 2, useBias = false, from = "layer3_1_relu2")
  Layer layer4_0_downsample_0;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer4_0_downsample_1;

  @Add(from = {"layer4_0_bn2", "layer4_0_downsample_1"})
  Layer layer4_0_add;

  @Activation(RELU)
  Layer layer4_0_relu2;

  // layer4_1: identity shortcut.
  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer4_1_conv1;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer4_1_bn1;

  @Activation(RELU)
  Layer layer4_1_relu1;

  @Conv2D(filters = 512, kernelSize = 3, padding = SAME, useBias = false)
  Layer layer4_1_conv2;

  @BatchNormalization(epsilon = EPS, momentum = MOMENTUM)
  Layer layer4_1_bn2;

  @Add(from = {"layer4_1_bn2", "layer4_0_relu2"})
  Layer layer4_1_add;

  @Activation(RELU)
  Layer layer4_1_relu2;

  // Head: (7, 7, 512) -> (512) -> (1000).
  @GlobalAveragePooling2D Layer avgpool;

  @Dense(units = 1000, activation = SOFTMAX)
  Layer fc;
}
