package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Concatenate;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.Dropout;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * GoogLeNet, Inception v1 (Szegedy et al., 2014), as the paper's Table 1 lists it: 224x224 RGB, a
 * 7x7 stride-2 convolution, a 1x1 and 3x3 convolution pair, all nine inception modules (3a, 3b, 4a
 * to 4e, 5a, 5b) with max-pooling between the stages, average pooling over the final 7x7, 40%
 * dropout and a 1000-class linear layer with softmax; 6,998,552 parameters, counted module by
 * module from the table in {@code GoogLeNetTest}.
 *
 * <p>Left out, as the request for this example says: the two auxiliary classifiers (used only in
 * training) and local response normalisation. Every convolution has a ReLU, as in the paper. Field
 * names follow the reference Caffe model ({@code inception_4a/3x3_reduce} is {@code
 * inception_4a_3x3_reduce}).
 */
@Network(
    input = {224, 224, 3},
    params = 6_998_552)
public abstract class GoogLeNet {
  // Stem: (224, 224, 3) -> (112, 112, 64) -> (56, 56, 64) -> (56, 56, 192) -> (28, 28, 192).
  @Conv2D(filters = 64, kernelSize = 7, strides = 2, padding = SAME, activation = RELU)
  Layer conv1_7x7_s2;

  @MaxPooling2D(poolSize = 3, strides = 2, padding = SAME)
  Layer pool1_3x3_s2;

  @Conv2D(filters = 64, kernelSize = 1, activation = RELU)
  Layer conv2_3x3_reduce;

  @Conv2D(filters = 192, kernelSize = 3, padding = SAME, activation = RELU)
  Layer conv2_3x3;

  @MaxPooling2D(poolSize = 3, strides = 2, padding = SAME)
  Layer pool2_3x3_s2;

  // Inception (3a): 192 -> 64 + 128 + 32 + 32 = 256 channels.
  @Conv2D(filters = 64, kernelSize = 1, activation = RELU, from = "pool2_3x3_s2")
  Layer inception_3a_1x1;

  @Conv2D(filters = 96, kernelSize = 1, activation = RELU, from = "pool2_3x3_s2")
  Layer inception_3a_3x3_reduce;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_3a_3x3;

  @Conv2D(filters = 16, kernelSize = 1, activation = RELU, from = "pool2_3x3_s2")
  Layer inception_3a_5x5_reduce;

  @Conv2D(filters = 32, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_3a_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "pool2_3x3_s2")
  Layer inception_3a_pool;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU)
  Layer inception_3a_pool_proj;

  @Concatenate(
      from = {"inception_3a_1x1", "inception_3a_3x3", "inception_3a_5x5", "inception_3a_pool_proj"})
  Layer inception_3a_output;

  // Inception (3b): 256 -> 128 + 192 + 96 + 64 = 480 channels.
  @Conv2D(filters = 128, kernelSize = 1, activation = RELU, from = "inception_3a_output")
  Layer inception_3b_1x1;

  @Conv2D(filters = 128, kernelSize = 1, activation = RELU, from = "inception_3a_output")
  Layer inception_3b_3x3_reduce;

  @Conv2D(filters = 192, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_3b_3x3;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU, from = "inception_3a_output")
  Layer inception_3b_5x5_reduce;

  @Conv2D(filters = 96, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_3b_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "inception_3a_output")
  Layer inception_3b_pool;

  @Conv2D(filters = 64, kernelSize = 1, activation = RELU)
  Layer inception_3b_pool_proj;

  @Concatenate(
      from = {"inception_3b_1x1", "inception_3b_3x3", "inception_3b_5x5", "inception_3b_pool_proj"})
  Layer inception_3b_output;

  // (28, 28, 480) -> (14, 14, 480).
  @MaxPooling2D(poolSize = 3, strides = 2, padding = SAME)
  Layer pool3_3x3_s2;

  // Inception (4a): 480 -> 192 + 208 + 48 + 64 = 512 channels.
  @Conv2D(filters = 192, kernelSize = 1, activation = RELU, from = "pool3_3x3_s2")
  Layer inception_4a_1x1;

  @Conv2D(filters = 96, kernelSize = 1, activation = RELU, from = "pool3_3x3_s2")
  Layer inception_4a_3x3_reduce;

  @Conv2D(filters = 208, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_4a_3x3;

  @Conv2D(filters = 16, kernelSize = 1, activation = RELU, from = "pool3_3x3_s2")
  Layer inception_4a_5x5_reduce;

  @Conv2D(filters = 48, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_4a_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "pool3_3x3_s2")
  Layer inception_4a_pool;

  @Conv2D(filters = 64, kernelSize = 1, activation = RELU)
  Layer inception_4a_pool_proj;

  @Concatenate(
      from = {"inception_4a_1x1", "inception_4a_3x3", "inception_4a_5x5", "inception_4a_pool_proj"})
  Layer inception_4a_output;

  // Inception (4b): 512 -> 160 + 224 + 64 + 64 = 512 channels.
  @Conv2D(filters = 160, kernelSize = 1, activation = RELU, from = "inception_4a_output")
  Layer inception_4b_1x1;

  @Conv2D(filters = 112, kernelSize = 1, activation = RELU, from = "inception_4a_output")
  Layer inception_4b_3x3_reduce;

  @Conv2D(filters = 224, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_4b_3x3;

  @Conv2D(filters = 24, kernelSize = 1, activation = RELU, from = "inception_4a_output")
  Layer inception_4b_5x5_reduce;

  @Conv2D(filters = 64, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_4b_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "inception_4a_output")
  Layer inception_4b_pool;

  @Conv2D(filters = 64, kernelSize = 1, activation = RELU)
  Layer inception_4b_pool_proj;

  @Concatenate(
      from = {"inception_4b_1x1", "inception_4b_3x3", "inception_4b_5x5", "inception_4b_pool_proj"})
  Layer inception_4b_output;

  // Inception (4c): 512 -> 128 + 256 + 64 + 64 = 512 channels.
  @Conv2D(filters = 128, kernelSize = 1, activation = RELU, from = "inception_4b_output")
  Layer inception_4c_1x1;

  @Conv2D(filters = 128, kernelSize = 1, activation = RELU, from = "inception_4b_output")
  Layer inception_4c_3x3_reduce;

  @Conv2D(filters = 256, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_4c_3x3;

  @Conv2D(filters = 24, kernelSize = 1, activation = RELU, from = "inception_4b_output")
  Layer inception_4c_5x5_reduce;

  @Conv2D(filters = 64, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_4c_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "inception_4b_output")
  Layer inception_4c_pool;

  @Conv2D(filters = 64, kernelSize = 1, activation = RELU)
  Layer inception_4c_pool_proj;

  @Concatenate(
      from = {"inception_4c_1x1", "inception_4c_3x3", "inception_4c_5x5", "inception_4c_pool_proj"})
  Layer inception_4c_output;

  // Inception (4d): 512 -> 112 + 288 + 64 + 64 = 528 channels.
  @Conv2D(filters = 112, kernelSize = 1, activation = RELU, from = "inception_4c_output")
  Layer inception_4d_1x1;

  @Conv2D(filters = 144, kernelSize = 1, activation = RELU, from = "inception_4c_output")
  Layer inception_4d_3x3_reduce;

  @Conv2D(filters = 288, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_4d_3x3;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU, from = "inception_4c_output")
  Layer inception_4d_5x5_reduce;

  @Conv2D(filters = 64, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_4d_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "inception_4c_output")
  Layer inception_4d_pool;

  @Conv2D(filters = 64, kernelSize = 1, activation = RELU)
  Layer inception_4d_pool_proj;

  @Concatenate(
      from = {"inception_4d_1x1", "inception_4d_3x3", "inception_4d_5x5", "inception_4d_pool_proj"})
  Layer inception_4d_output;

  // Inception (4e): 528 -> 256 + 320 + 128 + 128 = 832 channels.
  @Conv2D(filters = 256, kernelSize = 1, activation = RELU, from = "inception_4d_output")
  Layer inception_4e_1x1;

  @Conv2D(filters = 160, kernelSize = 1, activation = RELU, from = "inception_4d_output")
  Layer inception_4e_3x3_reduce;

  @Conv2D(filters = 320, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_4e_3x3;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU, from = "inception_4d_output")
  Layer inception_4e_5x5_reduce;

  @Conv2D(filters = 128, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_4e_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "inception_4d_output")
  Layer inception_4e_pool;

  @Conv2D(filters = 128, kernelSize = 1, activation = RELU)
  Layer inception_4e_pool_proj;

  @Concatenate(
      from = {"inception_4e_1x1", "inception_4e_3x3", "inception_4e_5x5", "inception_4e_pool_proj"})
  Layer inception_4e_output;

  // (14, 14, 832) -> (7, 7, 832).
  @MaxPooling2D(poolSize = 3, strides = 2, padding = SAME)
  Layer pool4_3x3_s2;

  // Inception (5a): 832 -> 256 + 320 + 128 + 128 = 832 channels.
  @Conv2D(filters = 256, kernelSize = 1, activation = RELU, from = "pool4_3x3_s2")
  Layer inception_5a_1x1;

  @Conv2D(filters = 160, kernelSize = 1, activation = RELU, from = "pool4_3x3_s2")
  Layer inception_5a_3x3_reduce;

  @Conv2D(filters = 320, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_5a_3x3;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU, from = "pool4_3x3_s2")
  Layer inception_5a_5x5_reduce;

  @Conv2D(filters = 128, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_5a_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "pool4_3x3_s2")
  Layer inception_5a_pool;

  @Conv2D(filters = 128, kernelSize = 1, activation = RELU)
  Layer inception_5a_pool_proj;

  @Concatenate(
      from = {"inception_5a_1x1", "inception_5a_3x3", "inception_5a_5x5", "inception_5a_pool_proj"})
  Layer inception_5a_output;

  // Inception (5b): 832 -> 384 + 384 + 128 + 128 = 1024 channels.
  @Conv2D(filters = 384, kernelSize = 1, activation = RELU, from = "inception_5a_output")
  Layer inception_5b_1x1;

  @Conv2D(filters = 192, kernelSize = 1, activation = RELU, from = "inception_5a_output")
  Layer inception_5b_3x3_reduce;

  @Conv2D(filters = 384, kernelSize = 3, padding = SAME, activation = RELU)
  Layer inception_5b_3x3;

  @Conv2D(filters = 48, kernelSize = 1, activation = RELU, from = "inception_5a_output")
  Layer inception_5b_5x5_reduce;

  @Conv2D(filters = 128, kernelSize = 5, padding = SAME, activation = RELU)
  Layer inception_5b_5x5;

  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "inception_5a_output")
  Layer inception_5b_pool;

  @Conv2D(filters = 128, kernelSize = 1, activation = RELU)
  Layer inception_5b_pool_proj;

  @Concatenate(
      from = {"inception_5b_1x1", "inception_5b_3x3", "inception_5b_5x5", "inception_5b_pool_proj"})
  Layer inception_5b_output;

  // Head: average pooling over (7, 7, 1024) -> (1024) -> (1000).
  @GlobalAveragePooling2D Layer pool5_7x7_s1;

  @Dropout(rate = 0.4)
  Layer pool5_drop_7x7_s1;

  @Dense(units = 1000, activation = SOFTMAX)
  Layer loss3_classifier;
}
