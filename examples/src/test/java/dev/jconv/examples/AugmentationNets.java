package dev.jconv.examples;

import static dev.jconv.Activation.Fn.SOFTMAX;

import dev.jconv.Dense;
import dev.jconv.Flatten;
import dev.jconv.GaussianNoise;
import dev.jconv.Layer;
import dev.jconv.Network;
import dev.jconv.RandomBrightness;
import dev.jconv.RandomContrast;
import dev.jconv.RandomFlip;
import dev.jconv.RandomRotation;
import dev.jconv.RandomTranslation;
import dev.jconv.RandomZoom;
import dev.jconv.Rescaling;

/**
 * Small networks around the augmentation layers for {@link AugmentationLayersTest}: one per layer
 * with fixed strengths that give hand-computable images (the layer first, so its output sits at
 * offset 0 of the workspace), and three that share a Dense head to compare inference and training
 * with and without augmentation.
 */
final class AugmentationNets {
  private AugmentationNets() {}

  /** Left-right flips. */
  @Network(input = {4, 5, 3})
  abstract static class FlipNet {
    @RandomFlip(mode = "horizontal")
    Layer flip;
  }

  /** Two rows down (0.5 of the height), no sideways shift, constant fill 0.25. */
  @Network(input = {4, 5, 2})
  abstract static class ShiftNet {
    @RandomTranslation(
        heightFactor = {0.5, 0.5},
        widthFactor = 0,
        fillMode = "constant",
        fillValue = 0.25)
    Layer shift;
  }

  /** A quarter turn counter-clockwise. */
  @Network(input = {5, 5, 2})
  abstract static class TurnNet {
    @RandomRotation(factor = {0.25, 0.25})
    Layer turn;
  }

  /** Zoomed in twice, both axes alike. */
  @Network(input = {5, 5, 1})
  abstract static class ZoomNet {
    @RandomZoom(
        heightFactor = {-0.5, -0.5},
        interpolation = "nearest")
    Layer zoom;
  }

  /** Contrast factors in [0.5, 1.5], unclipped in practice. */
  @Network(input = {4, 4, 3})
  abstract static class ContrastNet {
    @RandomContrast(
        factor = 0.5,
        valueRange = {-10, 10})
    Layer contrast;
  }

  /** Always half the range brighter. */
  @Network(input = {4, 4, 3})
  abstract static class BrightNet {
    @RandomBrightness(
        factor = {0.5, 0.5},
        valueRange = {0, 1})
    Layer bright;
  }

  /** Noise of standard deviation 0.1. */
  @Network(input = {16, 16, 3})
  abstract static class NoiseNet {
    @GaussianNoise(stddev = 0.1)
    Layer noise;
  }

  /** The head the next two share. */
  @Network(input = {6, 6, 3})
  abstract static class PlainNet {
    @Flatten Layer flat;

    @Dense(units = 3, activation = SOFTMAX)
    Layer out;
  }

  /** Every augmentation layer (and a Rescaling among them) before {@link PlainNet}'s head. */
  @Network(input = {6, 6, 3})
  abstract static class AugmentedNet {
    @RandomFlip Layer flip;

    @Rescaling(scale = 1)
    Layer scale;

    @RandomTranslation(heightFactor = 0.2, widthFactor = 0.2)
    Layer shift;

    @RandomRotation(factor = 0.1)
    Layer turn;

    @RandomZoom(heightFactor = 0.2)
    Layer zoom;

    @RandomContrast(
        factor = 0.3,
        valueRange = {0, 1})
    Layer contrast;

    @RandomBrightness(
        factor = 0.2,
        valueRange = {0, 1})
    Layer bright;

    @GaussianNoise(stddev = 0.05)
    Layer noise;

    @Flatten Layer flat;

    @Dense(units = 3, activation = SOFTMAX)
    Layer out;
  }

  /** Every augmentation layer that has a strength, at zero strength, before the same head. */
  @Network(input = {6, 6, 3})
  abstract static class ZeroNet {
    @RandomTranslation(heightFactor = 0, widthFactor = 0)
    Layer shift;

    @RandomRotation(factor = 0)
    Layer turn;

    @RandomZoom(heightFactor = 0, widthFactor = 0)
    Layer zoom;

    @RandomContrast(factor = 0)
    Layer contrast;

    @RandomBrightness(factor = 0)
    Layer bright;

    @GaussianNoise(stddev = 0)
    Layer noise;

    @Flatten Layer flat;

    @Dense(units = 3, activation = SOFTMAX)
    Layer out;
  }
}
