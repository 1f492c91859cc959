package dev.jconv.train;

import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import java.util.List;
import java.util.Map;

/**
 * The slices of a model's flat weight array an optimizer updates: one range per run of contiguous
 * trainable parameters of a layer, switched on and off as layers are frozen and unfrozen.
 *
 * <p>The ranges are built once per model; {@link #refresh} only compares the layers' trainable
 * flags with the last seen ones and rebuilds the active list in preallocated arrays, so a step
 * allocates nothing.
 */
final class ParamRanges {
  private final Model model;
  private final Layer[] layers;
  private final boolean[] seenTrainable;
  private final double[] layerMultiplier;

  // Every range of trainable parameters, whether its layer is frozen or not.
  private final int[] offset;
  private final int[] size;
  private final int[] layer;
  private final boolean[] decays;
  private final int count;

  // The ranges of trainable layers: weights [activeOffset, activeOffset + activeSize), and where
  // each starts in the concatenation of all active ranges (for splitting over the cores).
  private final int[] activeOffset;
  private final int[] activeSize;
  private final int[] activeLayer;
  private final boolean[] activeDecays;
  private final int[] activeStart;
  private int activeCount;
  private int activeTotal;

  /**
   * Splits {@code model}'s trainable parameters into ranges.
   *
   * @param noDecay parts of parameter names ({@code bias}, {@code bn1.}) whose parameters weight
   *     decay skips
   */
  ParamRanges(Model model, List<String> noDecay) {
    this.model = model;
    List<Layer> list = model.layers();
    this.layers = list.toArray(new Layer[0]);
    this.seenTrainable = new boolean[layers.length];
    this.layerMultiplier = new double[layers.length];
    int weights = model.weights().length;
    int params = 0;
    for (Layer l : layers) {
      params += l.params().size();
    }
    int[] off = new int[params];
    int[] sz = new int[params];
    int[] ly = new int[params];
    boolean[] dc = new boolean[params];
    int n = 0;
    for (int li = 0; li < layers.length; li++) {
      for (Param p : layers[li].params()) {
        if (!p.isTrainable() || p.size() == 0) {
          continue;
        }
        if (p.offset() < 0 || p.offset() + p.size() > weights) {
          throw new IllegalArgumentException(
              model.name()
                  + ": parameter '"
                  + p.name()
                  + "' at offset "
                  + p.offset()
                  + " with "
                  + p.size()
                  + " values lies outside weights() of length "
                  + weights);
        }
        boolean decay = noDecay.stream().noneMatch(p.name()::contains);
        if (n > 0
            && ly[n - 1] == li
            && dc[n - 1] == decay
            && off[n - 1] + sz[n - 1] == p.offset()) {
          sz[n - 1] += (int) p.size(); // kernel and bias side by side: one range
        } else {
          off[n] = p.offset();
          sz[n] = (int) p.size();
          ly[n] = li;
          dc[n] = decay;
          n++;
        }
      }
    }
    this.offset = off;
    this.size = sz;
    this.layer = ly;
    this.decays = dc;
    this.count = n;
    this.activeOffset = new int[n];
    this.activeSize = new int[n];
    this.activeLayer = new int[n];
    this.activeDecays = new boolean[n];
    this.activeStart = new int[n + 1];
    for (int li = 0; li < layers.length; li++) {
      seenTrainable[li] = !layers[li].isTrainable(); // forces the first refresh to build
    }
  }

  Model model() {
    return model;
  }

  /** Throws when a multiplier names a layer the model does not have. */
  void checkLayerNames(Map<String, Double> multipliers) {
    for (String name : multipliers.keySet()) {
      if (indexOf(name) < 0) {
        throw new IllegalArgumentException(
            "learning-rate multiplier for unknown layer '"
                + name
                + "' in "
                + model.name()
                + "; layers: "
                + model.layers().stream().map(Layer::name).toList());
      }
    }
  }

  /** Takes the per-layer multipliers (1 for layers without one). */
  void setMultipliers(Map<String, Double> multipliers) {
    checkLayerNames(multipliers);
    for (int li = 0; li < layers.length; li++) {
      Double m = multipliers.get(layers[li].name());
      layerMultiplier[li] = m == null ? 1.0 : m;
    }
  }

  /** Rebuilds the active list if a layer was frozen or unfrozen since the last call. */
  void refresh() {
    boolean changed = false;
    for (int li = 0; li < layers.length; li++) {
      boolean t = layers[li].isTrainable();
      if (t != seenTrainable[li]) {
        seenTrainable[li] = t;
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    int a = 0;
    int start = 0;
    for (int r = 0; r < count; r++) {
      if (seenTrainable[layer[r]]) {
        activeOffset[a] = offset[r];
        activeSize[a] = size[r];
        activeLayer[a] = layer[r];
        activeDecays[a] = decays[r];
        activeStart[a] = start;
        start += size[r];
        a++;
      }
    }
    activeStart[a] = start;
    activeCount = a;
    activeTotal = start;
  }

  /** Number of layers of the model. */
  int layerCount() {
    return layers.length;
  }

  /** Whether layer {@code li} was trainable at the last {@link #refresh}. */
  boolean layerActive(int li) {
    return seenTrainable[li];
  }

  /** The layer index of active range {@code r}. */
  int activeLayer(int r) {
    return activeLayer[r];
  }

  int activeCount() {
    return activeCount;
  }

  int activeTotal() {
    return activeTotal;
  }

  int activeOffset(int r) {
    return activeOffset[r];
  }

  int activeSize(int r) {
    return activeSize[r];
  }

  /** Where active range {@code r} starts in the concatenation of all active ranges. */
  int activeStart(int r) {
    return activeStart[r];
  }

  /** Whether weight decay applies to active range {@code r}. */
  boolean decays(int r) {
    return activeDecays[r];
  }

  double multiplier(int r) {
    return layerMultiplier[activeLayer[r]];
  }

  /** The active range holding position {@code pos} of the concatenation. */
  int rangeAt(int pos) {
    int lo = 0;
    int hi = activeCount - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (activeStart[mid] <= pos) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private int indexOf(String name) {
    for (int li = 0; li < layers.length; li++) {
      if (layers[li].name().equals(name)) {
        return li;
      }
    }
    return -1;
  }
}
