package dev.jconv.transfer;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A named run of a model's layers, such as the feature extractor below the head, that is frozen,
 * unfrozen and given a learning rate together; the counterpart of a Keras base model:
 *
 * <pre>{@code
 * LayerGroup base = LayerGroup.upTo(model, "pool2"); // conv1 ... pool2, in declaration order
 * base.freeze();                                     // base.trainable = False
 * ...train the head...
 * base.unfreeze().learningRateMultiplier(adam, 0.1); // fine-tune the base at a tenth of the rate
 * }</pre>
 *
 * <p>The group holds the model's own {@link Layer} handles, so freezing here is the same as calling
 * {@link Layer#freeze()} on each, and the summary's trainable counts follow.
 */
public final class LayerGroup {
  private final Model model;
  private final List<Layer> layers;

  private LayerGroup(Model model, List<Layer> layers) {
    this.model = model;
    this.layers = List.copyOf(layers);
  }

  /** Every layer of {@code model}. */
  public static LayerGroup all(Model model) {
    return new LayerGroup(model, model.layers());
  }

  /** The layers from the first up to and including {@code last}, in declaration order. */
  public static LayerGroup upTo(Model model, String last) {
    int end = indexOf(model, last);
    return new LayerGroup(model, model.layers().subList(0, end + 1));
  }

  /** The layers from {@code first} (included) to the end, in declaration order. */
  public static LayerGroup from(Model model, String first) {
    List<Layer> all = model.layers();
    return new LayerGroup(model, all.subList(indexOf(model, first), all.size()));
  }

  /**
   * The layers after {@code last} to the end: the head above an extractor ending at {@code last}.
   */
  public static LayerGroup after(Model model, String last) {
    List<Layer> all = model.layers();
    return new LayerGroup(model, all.subList(indexOf(model, last) + 1, all.size()));
  }

  /** The named layers, in declaration order. */
  public static LayerGroup of(Model model, String... names) {
    Set<String> wanted = new LinkedHashSet<>(List.of(names));
    for (String name : wanted) {
      indexOf(model, name);
    }
    List<Layer> picked = new ArrayList<>();
    for (Layer layer : model.layers()) {
      if (wanted.contains(layer.name())) {
        picked.add(layer);
      }
    }
    return new LayerGroup(model, picked);
  }

  /** The layers, in declaration order. */
  public List<Layer> layers() {
    return layers;
  }

  /** The layer names, in declaration order. */
  public List<String> names() {
    return layers.stream().map(Layer::name).toList();
  }

  /** Freezes every layer of the group; returns this. */
  public LayerGroup freeze() {
    return setTrainable(false);
  }

  /** Unfreezes every layer of the group; returns this. */
  public LayerGroup unfreeze() {
    return setTrainable(true);
  }

  /** Keras's {@code base.trainable = trainable} for every layer of the group; returns this. */
  public LayerGroup setTrainable(boolean trainable) {
    for (Layer layer : layers) {
      layer.setTrainable(trainable);
    }
    return this;
  }

  /** Whether every layer of the group is trainable (an empty group is). */
  public boolean isTrainable() {
    return layers.stream().allMatch(Layer::isTrainable);
  }

  /**
   * Scales the learning rate of every layer of the group in {@code optimizer}, for example 0.1 to
   * fine-tune a pre-trained extractor more gently than the head; 1 restores the global rate.
   * Returns this.
   */
  public LayerGroup learningRateMultiplier(Optimizer optimizer, double factor) {
    Objects.requireNonNull(optimizer, "optimizer");
    for (Layer layer : layers) {
      optimizer.setLearningRateMultiplier(layer.name(), factor);
    }
    return this;
  }

  /** All parameters of the group. */
  public long paramCount() {
    return layers.stream().mapToLong(Layer::paramCount).sum();
  }

  /** The parameters of the group an optimizer updates now. */
  public long trainableParamCount() {
    return layers.stream().mapToLong(Layer::trainableParamCount).sum();
  }

  @Override
  public String toString() {
    return model.name() + names() + (isTrainable() ? "" : " (frozen)");
  }

  private static int indexOf(Model model, String name) {
    Objects.requireNonNull(name, "name");
    List<Layer> all = model.layers();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new NoSuchElementException(
        "no layer '"
            + name
            + "' in "
            + model.name()
            + "; layers: "
            + all.stream().map(Layer::name).toList());
  }
}
