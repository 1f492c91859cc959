package dev.jconv.transfer;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.io.SafeTensorsReader;
import dev.jconv.io.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where transferred tensors come from: a live model or the tensors read from a weights file. */
final class TensorSource {
  /** Tensor names that belong to a checkpoint's optimizer, not to the network. */
  private static final String OPTIMIZER_PREFIX = "optimizer/";

  private final String description;
  private final Map<String, int[]> shapes;
  private final Map<String, float[]> arrays;
  private final Map<String, Integer> offsets;

  private TensorSource(
      String description,
      Map<String, int[]> shapes,
      Map<String, float[]> arrays,
      Map<String, Integer> offsets) {
    this.description = description;
    this.shapes = Collections.unmodifiableMap(shapes);
    this.arrays = arrays;
    this.offsets = offsets;
  }

  /** The parameters of {@code model}, read from its live weights when the transfer is applied. */
  static TensorSource of(Model model) {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> arrays = new LinkedHashMap<>();
    Map<String, Integer> offsets = new LinkedHashMap<>();
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        shapes.put(p.name(), p.shape());
        arrays.put(p.name(), model.weights());
        offsets.put(p.name(), p.offset());
      }
    }
    return new TensorSource(model.name(), shapes, arrays, offsets);
  }

  /**
   * Every tensor of a safetensors file (weights saved by {@link Model#save}, a training checkpoint
   * whose optimizer entries are left out, or a file written by other tools), read now.
   */
  static TensorSource read(Path file) throws IOException {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    Map<String, float[]> arrays = new LinkedHashMap<>();
    Map<String, Integer> offsets = new LinkedHashMap<>();
    try (SafeTensorsReader reader = SafeTensorsReader.open(file)) {
      boolean checkpoint = "jconv-checkpoint".equals(reader.metadata().get("format"));
      for (TensorInfo t : reader.tensors()) {
        if (checkpoint && t.name().startsWith(OPTIMIZER_PREFIX)) {
          continue;
        }
        shapes.put(t.name(), t.shape());
        arrays.put(t.name(), reader.read(t.name()));
        offsets.put(t.name(), 0);
      }
    }
    return new TensorSource(String.valueOf(file.getFileName()), shapes, arrays, offsets);
  }

  /** The model's name or the file's name, for messages. */
  String description() {
    return description;
  }

  /** Tensor shapes by name, in the source's order. */
  Map<String, int[]> shapes() {
    return shapes;
  }

  /** Copies tensor {@code name} into {@code dst} at {@code offset}. */
  void copy(String name, float[] dst, int offset) {
    int size = 1;
    for (int d : shapes.get(name)) {
      size *= d;
    }
    System.arraycopy(arrays.get(name), offsets.get(name), dst, offset, size);
  }
}
