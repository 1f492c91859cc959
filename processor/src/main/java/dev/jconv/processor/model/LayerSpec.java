package dev.jconv.processor.model;

import dev.jconv.Activation.Fn;
import dev.jconv.Padding;
import java.util.List;

/**
 * One declared layer: the field name, the names it reads ({@code from}; empty means the previous
 * field), where it was declared, and its Keras attributes with defaults already applied.
 */
public sealed interface LayerSpec {
  /** The field name. */
  String name();

  /** The {@code from} names as written; empty means the previous field. */
  List<String> from();

  /** The field and annotation, for diagnostics. */
  SourceRef source();

  /** Keras's class name, such as {@code Conv2D}. */
  default String kerasType() {
    return getClass().getSimpleName();
  }

  /** Whether the layer takes several inputs (Add, Concatenate). */
  default boolean isMerge() {
    return false;
  }

  /**
   * Whether this is a random augmentation layer (RandomFlip, ..., GaussianNoise): the identity at
   * inference, allowed only at the network input.
   */
  default boolean isAugmentation() {
    return false;
  }

  /** The fused activation of layers that have one; LINEAR for the others. */
  default Fn fusedActivation() {
    return Fn.LINEAR;
  }

  /** Keras's {@code Conv2D}. */
  record Conv2D(
      String name,
      List<String> from,
      SourceRef source,
      int filters,
      IntPair kernelSize,
      IntPair strides,
      Padding padding,
      IntPair dilationRate,
      Fn activation,
      boolean useBias)
      implements LayerSpec {
    @Override
    public Fn fusedActivation() {
      return activation;
    }

    /** The sliding window of the kernel. */
    public Window window() {
      return new Window(kernelSize, strides, dilationRate, padding);
    }
  }

  /** Keras's {@code DepthwiseConv2D}. */
  record DepthwiseConv2D(
      String name,
      List<String> from,
      SourceRef source,
      IntPair kernelSize,
      IntPair strides,
      Padding padding,
      int depthMultiplier,
      IntPair dilationRate,
      Fn activation,
      boolean useBias)
      implements LayerSpec {
    @Override
    public Fn fusedActivation() {
      return activation;
    }

    /** The sliding window of the kernel. */
    public Window window() {
      return new Window(kernelSize, strides, dilationRate, padding);
    }
  }

  /** Keras's {@code SeparableConv2D}. */
  record SeparableConv2D(
      String name,
      List<String> from,
      SourceRef source,
      int filters,
      IntPair kernelSize,
      IntPair strides,
      Padding padding,
      int depthMultiplier,
      IntPair dilationRate,
      Fn activation,
      boolean useBias)
      implements LayerSpec {
    @Override
    public Fn fusedActivation() {
      return activation;
    }

    /** The sliding window of the kernel. */
    public Window window() {
      return new Window(kernelSize, strides, dilationRate, padding);
    }
  }

  /** Keras's {@code MaxPooling2D}; strides already default to the pool size. */
  record MaxPooling2D(
      String name,
      List<String> from,
      SourceRef source,
      IntPair poolSize,
      IntPair strides,
      Padding padding)
      implements LayerSpec {
    /** The pooling window. */
    public Window window() {
      return Window.pool(poolSize, strides, padding);
    }
  }

  /** Keras's {@code AveragePooling2D}; strides already default to the pool size. */
  record AveragePooling2D(
      String name,
      List<String> from,
      SourceRef source,
      IntPair poolSize,
      IntPair strides,
      Padding padding)
      implements LayerSpec {
    /** The pooling window. */
    public Window window() {
      return Window.pool(poolSize, strides, padding);
    }
  }

  /** Keras's {@code GlobalAveragePooling2D}. */
  record GlobalAveragePooling2D(String name, List<String> from, SourceRef source, boolean keepdims)
      implements LayerSpec {}

  /** Keras's {@code GlobalMaxPooling2D}. */
  record GlobalMaxPooling2D(String name, List<String> from, SourceRef source, boolean keepdims)
      implements LayerSpec {}

  /** Keras's {@code ZeroPadding2D}, normalised to four sides. */
  record ZeroPadding2D(
      String name, List<String> from, SourceRef source, int top, int bottom, int left, int right)
      implements LayerSpec {}

  /** Keras's {@code Flatten}. */
  record Flatten(String name, List<String> from, SourceRef source) implements LayerSpec {}

  /** Keras's {@code Dense}. */
  record Dense(
      String name, List<String> from, SourceRef source, int units, Fn activation, boolean useBias)
      implements LayerSpec {
    @Override
    public Fn fusedActivation() {
      return activation;
    }
  }

  /** Keras's {@code Dropout}. */
  record Dropout(String name, List<String> from, SourceRef source, double rate)
      implements LayerSpec {}

  /** Keras's {@code BatchNormalization} over the last axis. */
  record BatchNormalization(
      String name,
      List<String> from,
      SourceRef source,
      double momentum,
      double epsilon,
      boolean center,
      boolean scale)
      implements LayerSpec {}

  /** Keras's {@code Activation}. */
  record Activation(String name, List<String> from, SourceRef source, Fn value)
      implements LayerSpec {}

  /** Keras's {@code Add}. */
  record Add(String name, List<String> from, SourceRef source) implements LayerSpec {
    @Override
    public boolean isMerge() {
      return true;
    }
  }

  /** Keras's {@code Concatenate} on the channel axis. */
  record Concatenate(String name, List<String> from, SourceRef source) implements LayerSpec {
    @Override
    public boolean isMerge() {
      return true;
    }
  }

  /** Keras's {@code Rescaling}: {@code x * scale + offset}. */
  record Rescaling(String name, List<String> from, SourceRef source, double scale, double offset)
      implements LayerSpec {}

  /** Keras's {@code RandomFlip}: {@code mode} as written. */
  record RandomFlip(String name, List<String> from, SourceRef source, String mode)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /** Keras's {@code RandomTranslation}: factors as written (one or two values each). */
  record RandomTranslation(
      String name,
      List<String> from,
      SourceRef source,
      List<Double> heightFactor,
      List<Double> widthFactor,
      String fillMode,
      String interpolation,
      double fillValue)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /** Keras's {@code RandomRotation}: the factor as written (one or two values). */
  record RandomRotation(
      String name,
      List<String> from,
      SourceRef source,
      List<Double> factor,
      String fillMode,
      String interpolation,
      double fillValue)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /** Keras's {@code RandomZoom}: factors as written; an empty width factor keeps the aspect. */
  record RandomZoom(
      String name,
      List<String> from,
      SourceRef source,
      List<Double> heightFactor,
      List<Double> widthFactor,
      String fillMode,
      String interpolation,
      double fillValue)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /** Keras's {@code RandomContrast}: the factor and value range as written. */
  record RandomContrast(
      String name,
      List<String> from,
      SourceRef source,
      List<Double> factor,
      List<Double> valueRange)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /** Keras's {@code RandomBrightness}: the factor and value range as written. */
  record RandomBrightness(
      String name,
      List<String> from,
      SourceRef source,
      List<Double> factor,
      List<Double> valueRange)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /** Keras's {@code GaussianNoise}. */
  record GaussianNoise(String name, List<String> from, SourceRef source, double stddev)
      implements LayerSpec {
    @Override
    public boolean isAugmentation() {
      return true;
    }
  }

  /**
   * A layer field that could not be read (already reported, by jconv or javac). It keeps its place
   * among the fields so that names still resolve; checking skips it and every layer that reads it.
   */
  record Invalid(String name, SourceRef source) implements LayerSpec {
    /** Unknown: the field's own references are not checked. */
    @Override
    public List<String> from() {
      return List.of();
    }
  }
}
