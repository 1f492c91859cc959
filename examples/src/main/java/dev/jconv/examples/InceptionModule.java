package dev.jconv.examples;

import static dev.jconv.Activation.Fn.RELU;
import static dev.jconv.Activation.Fn.SOFTMAX;
import static dev.jconv.Padding.SAME;

import dev.jconv.Concatenate;
import dev.jconv.Conv2D;
import dev.jconv.Dense;
import dev.jconv.GlobalAveragePooling2D;
import dev.jconv.Layer;
import dev.jconv.MaxPooling2D;
import dev.jconv.Network;

/**
 * A small network around one Inception-v1 module with the widths of GoogLeNet's "inception (3a)":
 * four branches read the same 192-channel input (1x1; 1x1 then 3x3; 1x1 then 5x5; 3x3 max-pool then
 * 1x1) and are concatenated into 64 + 128 + 32 + 32 = 256 channels. 32x32 RGB into 10 classes;
 * 171,642 parameters.
 */
@Network(
    input = {32, 32, 3},
    params = 171_642)
public abstract class InceptionModule {
  // Stem: (32, 32, 3) -> (32, 32, 192) -> (16, 16, 192).
  @Conv2D(filters = 192, kernelSize = 3, padding = SAME, activation = RELU)
  Layer stem_conv;

  @MaxPooling2D(poolSize = 3, strides = 2, padding = SAME)
  Layer stem_pool;

  // Branch 1: 1x1 -> (16, 16, 64).
  @Conv2D(filters = 64, kernelSize = 1, activation = RELU, from = "stem_pool")
  Layer b1x1;

  // Branch 2: 1x1 reduce to 96, then 3x3 -> (16, 16, 128).
  @Conv2D(filters = 96, kernelSize = 1, activation = RELU, from = "stem_pool")
  Layer b3x3_reduce;

  @Conv2D(filters = 128, kernelSize = 3, padding = SAME, activation = RELU)
  Layer b3x3;

  // Branch 3: 1x1 reduce to 16, then 5x5 -> (16, 16, 32).
  @Conv2D(filters = 16, kernelSize = 1, activation = RELU, from = "stem_pool")
  Layer b5x5_reduce;

  @Conv2D(filters = 32, kernelSize = 5, padding = SAME, activation = RELU)
  Layer b5x5;

  // Branch 4: 3x3 max-pool with stride 1, then 1x1 -> (16, 16, 32).
  @MaxPooling2D(poolSize = 3, strides = 1, padding = SAME, from = "stem_pool")
  Layer bpool;

  @Conv2D(filters = 32, kernelSize = 1, activation = RELU)
  Layer bpool_proj;

  // Join on the channel axis: (16, 16, 64 + 128 + 32 + 32) = (16, 16, 256).
  @Concatenate(from = {"b1x1", "b3x3", "b5x5", "bpool_proj"})
  Layer mixed;

  @GlobalAveragePooling2D Layer gap;

  @Dense(units = 10, activation = SOFTMAX)
  Layer predictions;
}
