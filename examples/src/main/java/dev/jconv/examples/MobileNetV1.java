package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU6;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Activation;
import dev.jconv.BatchNormalization;
import dev.jconv.Conv2D;
import dev.jconv.DepthwiseConv2D;
import dev.jconv.Dropout;
import dev.jconv.Flatten;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.Network;
import dev.jconv.ZeroPadding2D;

/**
 * MobileNet v1 (alpha 1.0) as in {@code keras.applications.MobileNet(include_top=True)}: 224x224
 * RGB, a strided 3x3 convolution, 13 depthwise-separable blocks (depthwise 3x3 and pointwise 1x1,
 * each without bias and followed by batch normalization and ReLU6), global average pooling and a
 * 1x1 convolution as the 1000-class classifier. 4,253,864 parameters (4,231,976 trainable, 21,888
 * non-trainable moving statistics), Keras's published totals, checked by the build.
 *
 * <p>Field names are Keras's layer names. Strided layers pad one row and column at the bottom and
 * right ({@code ZeroPadding2D(((0, 1), (0, 1)))}) and then use VALID padding, as Keras does;
 * Keras's {@code Reshape((1000,))} is a {@code Flatten} here, and its {@code ReLU(6.)} layers are
 * {@code Activation(RELU6)}.
 */
@Network(
    input = {224, 224, 3},
    params = 4_253_864)
public abstract class MobileNetV1 {
  // Stem: (224, 224, 3) -> (112, 112, 32).
  @ZeroPadding2D(padding = {0, 1, 0, 1})
  Layer conv1_pad;

  @Conv2D(filters = 32, kernelSize = 3, strides = 2, useBias = false)
  Layer conv1;

  @BatchNormalization Layer conv1_bn;

  @Activation(RELU6)
  Layer conv1_relu;

  // Block 1: (112, 112, 32) -> (112, 112, 64).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_1;

  @BatchNormalization Layer conv_dw_1_bn;

  @Activation(RELU6)
  Layer conv_dw_1_relu;

  @Conv2D(filters = 64, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_1;

  @BatchNormalization Layer conv_pw_1_bn;

  @Activation(RELU6)
  Layer conv_pw_1_relu;

  // Block 2: (112, 112, 64) -> (56, 56, 128), strided.
  @ZeroPadding2D(padding = {0, 1, 0, 1})
  Layer conv_pad_2;

  @DepthwiseConv2D(kernelSize = 3, strides = 2, useBias = false)
  Layer conv_dw_2;

  @BatchNormalization Layer conv_dw_2_bn;

  @Activation(RELU6)
  Layer conv_dw_2_relu;

  @Conv2D(filters = 128, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_2;

  @BatchNormalization Layer conv_pw_2_bn;

  @Activation(RELU6)
  Layer conv_pw_2_relu;

  // Block 3: (56, 56, 128) -> (56, 56, 128).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_3;

  @BatchNormalization Layer conv_dw_3_bn;

  @Activation(RELU6)
  Layer conv_dw_3_relu;

  @Conv2D(filters = 128, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_3;

  @BatchNormalization Layer conv_pw_3_bn;

  @Activation(RELU6)
  Layer conv_pw_3_relu;

  // Block 4: (56, 56, 128) -> (28, 28, 256), strided.
  @ZeroPadding2D(padding = {0, 1, 0, 1})
  Layer conv_pad_4;

  @DepthwiseConv2D(kernelSize = 3, strides = 2, useBias = false)
  Layer conv_dw_4;

  @BatchNormalization Layer conv_dw_4_bn;

  @Activation(RELU6)
  Layer conv_dw_4_relu;

  @Conv2D(filters = 256, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_4;

  @BatchNormalization Layer conv_pw_4_bn;

  @Activation(RELU6)
  Layer conv_pw_4_relu;

  // Block 5: (28, 28, 256) -> (28, 28, 256).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_5;

  @BatchNormalization Layer conv_dw_5_bn;

  @Activation(RELU6)
  Layer conv_dw_5_relu;

  @Conv2D(filters = 256, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_5;

  @BatchNormalization Layer conv_pw_5_bn;

  @Activation(RELU6)
  Layer conv_pw_5_relu;

  // Block 6: (28, 28, 256) -> (14, 14, 512), strided.
  @ZeroPadding2D(padding = {0, 1, 0, 1})
  Layer conv_pad_6;

  @DepthwiseConv2D(kernelSize = 3, strides = 2, useBias = false)
  Layer conv_dw_6;

  @BatchNormalization Layer conv_dw_6_bn;

  @Activation(RELU6)
  Layer conv_dw_6_relu;

  @Conv2D(filters = 512, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_6;

  @BatchNormalization Layer conv_pw_6_bn;

  @Activation(RELU6)
  Layer conv_pw_6_relu;

  // Block 7: (14, 14, 512) -> (14, 14, 512).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_7;

  @BatchNormalization Layer conv_dw_7_bn;

  @Activation(RELU6)
  Layer conv_dw_7_relu;

  @Conv2D(filters = 512, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_7;

  @BatchNormalization Layer conv_pw_7_bn;

  @Activation(RELU6)
  Layer conv_pw_7_relu;

  // Block 8: (14, 14, 512) -> (14, 14, 512).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_8;

  @BatchNormalization Layer conv_dw_8_bn;

  @Activation(RELU6)
  Layer conv_dw_8_relu;

  @Conv2D(filters = 512, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_8;

  @BatchNormalization Layer conv_pw_8_bn;

  @Activation(RELU6)
  Layer conv_pw_8_relu;

  // Block 9: (14, 14, 512) -> (14, 14, 512).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_9;

  @BatchNormalization Layer conv_dw_9_bn;

  @Activation(RELU6)
  Layer conv_dw_9_relu;

  @Conv2D(filters = 512, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_9;

  @BatchNormalization Layer conv_pw_9_bn;

  @Activation(RELU6)
  Layer conv_pw_9_relu;

  // Block 10: (14, 14, 512) -> (14, 14, 512).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_10;

  @BatchNormalization Layer conv_dw_10_bn;

  @Activation(RELU6)
  Layer conv_dw_10_relu;

  @Conv2D(filters = 512, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_10;

  @BatchNormalization Layer conv_pw_10_bn;

  @Activation(RELU6)
  Layer conv_pw_10_relu;

  // Block 11: (14, 14, 512) -> (14, 14, 512).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_11;

  @BatchNormalization Layer conv_dw_11_bn;

  @Activation(RELU6)
  Layer conv_dw_11_relu;

  @Conv2D(filters = 512, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_11;

  @BatchNormalization Layer conv_pw_11_bn;

  @Activation(RELU6)
  Layer conv_pw_11_relu;

  // Block 12: (14, 14, 512) -> (7, 7, 1024), strided.
  @ZeroPadding2D(padding = {0, 1, 0, 1})
  Layer conv_pad_12;

  @DepthwiseConv2D(kernelSize = 3, strides = 2, useBias = false)
  Layer conv_dw_12;

  @BatchNormalization Layer conv_dw_12_bn;

  @Activation(RELU6)
  Layer conv_dw_12_relu;

  @Conv2D(filters = 1024, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_12;

  @BatchNormalization Layer conv_pw_12_bn;

  @Activation(RELU6)
  Layer conv_pw_12_relu;

  // Block 13: (7, 7, 1024) -> (7, 7, 1024).
  @DepthwiseConv2D(kernelSize = 3, padding = SAME, useBias = false)
  Layer conv_dw_13;

  @BatchNormalization Layer conv_dw_13_bn;

  @Activation(RELU6)
  Layer conv_dw_13_relu;

  @Conv2D(filters = 1024, kernelSize = 1, padding = SAME, useBias = false)
  Layer conv_pw_13;

  @BatchNormalization Layer conv_pw_13_bn;

  @Activation(RELU6)
  Layer conv_pw_13_relu;

  // Classifier: (7, 7, 1024) -> (1000).
  @GlobalAveragePooling2D(keepdims = true)
  Layer global_average_pooling2d;

  @Dropout(rate = 1e-3)
  Layer dropout;

  @Conv2D(filters = 1000, kernelSize = 1, padding = SAME)
  Layer conv_preds;

  @Flatten Layer reshape_2;

  @Activation(SOFTMAX)
  Layer predictions;
}
