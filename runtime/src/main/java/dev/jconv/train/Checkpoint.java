package dev.jconv.train;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.io.SafeTensors;
import dev.jconv.io.SafeTensorsReader;
import dev.jconv.io.Tensor;
import dev.jconv.io.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint in one safetensors file: the weights ({@code <field>.<kind>}, as {@link
 * Model#save}), the optimizer state ({@code optimizer/<key>}) and, in the metadata, the network,
 * the next epoch and the seed, so that training resumes exactly where it stopped. Written
 * atomically; loading checks everything before changing the model or the optimizer.
 */
public final class Checkpoint {
  private static final String OPTIMIZER_PREFIX = "optimizer/";

  private Checkpoint() {}

  /** Writes a checkpoint taken before {@code nextEpoch}. */
  public static void save(Path file, Model model, Optimizer optimizer, int nextEpoch, long seed)
      throws IOException {
    List<Tensor> tensors = new ArrayList<>();
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        tensors.add(new Tensor(p.name(), p.shape(), model.weights(), p.offset()));
      }
    }
    for (Map.Entry<String, float[]> e : optimizer.state().entrySet()) {
      if (e.getValue().length > 0) {
        tensors.add(
            Tensor.of(
                OPTIMIZER_PREFIX + e.getKey(), new int[] {e.getValue().length}, e.getValue()));
      }
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "jconv-checkpoint");
    metadata.put("network", model.name());
    metadata.put("optimizer", optimizer.getClass().getSimpleName());
    metadata.put("epoch", Integer.toString(nextEpoch));
    metadata.put("seed", Long.toString(seed));
    SafeTensors.write(file, tensors, metadata);
  }

  /** What a loaded checkpoint says about the run. */
  public record Resume(int nextEpoch, long seed) {}

  /**
   * Restores weights and optimizer state from {@code file}; all or nothing.
   *
   * @throws IOException when the file is unreadable or does not fit the model or the optimizer
   */
  public static Resume load(Path file, Model model, Optimizer optimizer) throws IOException {
    try (SafeTensorsReader reader = SafeTensors.open(file)) {
      Map<String, String> meta = reader.metadata();
      if (!"jconv-checkpoint".equals(meta.get("format"))) {
        throw new IOException(
            file + " is not a jconv checkpoint (metadata format = " + meta.get("format") + ")");
      }
      int nextEpoch = (int) number(file, meta, "epoch", 0, Integer.MAX_VALUE, " >= 0");
      long seed = number(file, meta, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "");
      String optimizerName = optimizer.getClass().getSimpleName();
      if (!optimizerName.equals(meta.get("optimizer"))) {
        throw new IOException(
            file
                + " holds the state of a "
                + meta.get("optimizer")
                + " optimizer, but training uses "
                + optimizerName);
      }
      float[] staged = new float[model.weights().length];
      List<String> problems = new ArrayList<>();
      for (Layer layer : model.layers()) {
        for (Param p : layer.params()) {
          TensorInfo info = reader.tensor(p.name());
          if (info == null) {
            problems.add(p.name() + ": missing");
          } else if (!Arrays.equals(info.shape(), p.shape())) {
            problems.add(
                p.name()
                    + ": expected shape "
                    + Arrays.toString(p.shape())
                    + ", found "
                    + Arrays.toString(info.shape()));
          } else {
            reader.readInto(p.name(), staged, p.offset());
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new IOException(
            file
                + " does not fit "
                + model.name()
                + "; nothing was loaded: "
                + String.join("; ", problems));
      }
      Map<String, float[]> state = new HashMap<>();
      for (TensorInfo info : reader.tensors()) {
        if (info.name().startsWith(OPTIMIZER_PREFIX)) {
          if (info.elementCount() > staged.length + 8L) {
            // Optimizer slots hold one float per weight; refuse before allocating a larger one.
            throw new IOException(
                file
                    + ": optimizer tensor "
                    + info.name()
                    + " has "
                    + info.elementCount()
                    + " elements, more than "
                    + model.name()
                    + "'s "
                    + staged.length
                    + " weights; nothing was loaded");
          }
          state.put(info.name().substring(OPTIMIZER_PREFIX.length()), reader.read(info.name()));
        }
      }
      try {
        optimizer.restoreState(state);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": optimizer state does not fit: " + e.getMessage(), e);
      }
      System.arraycopy(staged, 0, model.weights(), 0, staged.length);
      return new Resume(nextEpoch, seed);
    }
  }

  /** A whole number from the metadata, checked before anything is loaded. */
  private static long number(
      Path file, Map<String, String> meta, String key, long min, long max, String range)
      throws IOException {
    String text = meta.get(key);
    String problem;
    if (text == null) {
      problem = "'" + key + "' is missing";
    } else {
      try {
        long value = Long.parseLong(text);
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the text itself
      }
      problem = "'" + key + "' is \"" + text + "\", expected a whole number" + range;
    }
    throw new IOException(file + ": the checkpoint's metadata " + problem + "; nothing was loaded");
  }
}
