package dev.jconv.examples;

import dev.jconv.Model;
import dev.jconv.data.Images;
import dev.jconv.data.Normalization;
import dev.jconv.io.SafeTensorsException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A trained model ready for production inference: its weights loaded once, its class names, and the
 * preprocessing it was trained with. Safe to use from many threads at once, as the generated
 * model's {@code predict} is.
 */
public final class Classifier {
  /** One class and its probability. */
  public record Prediction(String label, float probability) {}

  /** How an image's [0, 1] pixels are prepared for the network, in place. */
  @FunctionalInterface
  public interface Preprocessing {
    /** Prepares {@code hwc}, an image of {@code channels} interleaved channels. */
    void apply(float[] hwc, int channels);

    /** Leaves the pixels in [0, 1]. */
    static Preprocessing none() {
      return (hwc, channels) -> {};
    }

    /** {@link Standardize#perImage}, as the demo trains the seed network. */
    static Preprocessing perImage() {
      return (hwc, channels) -> Standardize.perImage(hwc, 0, hwc.length, channels);
    }

    /** A fixed per-channel normalisation, such as one fitted on the training data. */
    static Preprocessing of(Normalization normalization) {
      return (hwc, channels) -> normalization.apply(hwc, 0, hwc.length);
    }
  }

  /** Why an input could not be classified. */
  public static final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
      super(message);
    }
  }

  private final Model model;
  private final List<String> labels;
  private final Preprocessing preprocessing;

  private Classifier(Model model, List<String> labels, Preprocessing preprocessing) {
    this.model = model;
    this.labels = List.copyOf(labels);
    this.preprocessing = preprocessing;
  }

  /**
   * Creates the model of {@code network} (a simple name in {@code dev.jconv.examples} such as
   * {@code SeedNet}, or a fully qualified {@code @Network} class name) and loads {@code weights}.
   *
   * @param labels the class names, or {@code null} for {@code class 0, class 1, ...}
   * @param preprocessing applied to each image's [0, 1] pixels
   * @throws NoSuchFileException if the weights file does not exist
   * @throws SafeTensorsException if the file is not safetensors or holds another network's weights
   * @throws IllegalArgumentException if {@code network} names no generated model
   */
  public static Classifier load(
      String network, Path weights, List<String> labels, Preprocessing preprocessing)
      throws IOException {
    Model model = newModel(network);
    if (!Files.isRegularFile(weights)) {
      throw new NoSuchFileException(weights.toString(), null, "no such weights file");
    }
    model.load(weights);
    int classes = model.outputSize();
    List<String> names = labels;
    if (names == null) {
      names = new ArrayList<>();
      for (int k = 0; k < classes; k++) {
        names.add("class " + k);
      }
    } else if (names.size() != classes) {
      throw new IllegalArgumentException(
          model.name() + " has " + classes + " classes but " + names.size() + " labels were given");
    }
    return new Classifier(model, names, preprocessing);
  }

  /** The generated model of {@code network}, with Keras's initialisers. */
  static Model newModel(String network) {
    String className = network.contains(".") ? network : "dev.jconv.examples." + network;
    try {
      Class<?> type = Class.forName(className.replace('$', '_') + "Model");
      return (Model) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "no generated model for network "
              + network
              + " (looked for "
              + className
              + "Model on the class path)",
          e);
    }
  }

  /** The model, for its name and shapes. */
  public Model model() {
    return model;
  }

  /** Decodes PNG, JPEG, GIF or BMP bytes; resizes and prepares them like the training data. */
  public float[] input(byte[] encoded) throws BadInputException {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(encoded));
    } catch (IOException e) {
      throw new BadInputException("not a readable image: " + e.getMessage());
    }
    if (image == null) {
      throw new BadInputException("not an image (PNG, JPEG, GIF or BMP expected)");
    }
    return input(image);
  }

  /** The network input for {@code image}: bilinear resize to the input size, then preprocess. */
  public float[] input(BufferedImage image) {
    int[] shape = model.inputShape();
    float[] x = Images.toFloats(image, shape[2]);
    if (image.getHeight() != shape[0] || image.getWidth() != shape[1]) {
      x =
          Images.resizeBilinear(
              x, image.getHeight(), image.getWidth(), shape[2], shape[0], shape[1]);
    }
    preprocessing.apply(x, shape[2]);
    return x;
  }

  /** The {@code k} most probable classes for a prepared input, most probable first. */
  public List<Prediction> top(float[] input, int k) {
    float[] p = model.predict(input);
    List<Prediction> all = new ArrayList<>();
    for (int c = 0; c < p.length; c++) {
      all.add(new Prediction(labels.get(c), p[c]));
    }
    all.sort(Comparator.comparingDouble((Prediction q) -> q.probability()).reversed());
    return all.subList(0, Math.min(k, all.size()));
  }
}
