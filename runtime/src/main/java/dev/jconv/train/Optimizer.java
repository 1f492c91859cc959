package dev.jconv.train;

import dev.jconv.Model;
import dev.jconv.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Updates a model's weights in place from its gradients, as Keras's optimizers do: only the
 * trainable parameters of trainable (not frozen) layers, with a learning rate, optional per-layer
 * learning-rate multipliers for fine-tuning, Keras-style decoupled weight decay, an iteration
 * counter and a state that checkpoints save and restore.
 *
 * <p>Weight decay is applied as Keras 3 does ({@code BaseOptimizer._apply_weight_decay}), before
 * the gradient update and to every updated parameter not {@linkplain #excludeFromWeightDecay
 * excluded}: {@code w -= lr * weightDecay * w}. A layer's learning-rate multiplier scales both its
 * gradient step and its decay.
 *
 * <p>The first {@link #step} on a model sizes the state; later steps allocate nothing of their own.
 * Large models are split over the cores by index range; every element is updated by the same
 * arithmetic whatever the split, so results do not depend on the thread count. Not thread-safe: one
 * step at a time.
 */
public abstract class Optimizer {
  /** Name of the state entry holding the iteration count (see {@link #state()}). */
  public static final String ITERATIONS = "optimizer.iterations";

  /**
   * Name of the state entry holding, per layer, how many steps updated it (see {@link #state()});
   * present only when a layer was frozen for some steps.
   */
  public static final String LAYER_ITERATIONS = "optimizer.layer_iterations";

  /** Below this many updated values a step stays on the calling thread. */
  static final int PARALLEL_MIN = 1 << 16;

  private static final float[][] NO_SLOTS = new float[0][];

  private double learningRate;
  private double weightDecay;
  private final Map<String, Double> multipliers = new LinkedHashMap<>();
  private boolean multipliersChanged = true;
  private final List<String> noDecay = new ArrayList<>();
  private boolean rangesStale;
  private long iterations;
  // Per layer of the bound model: the steps that updated it, so that a layer unfrozen after the
  // head has trained starts its moments (Adam's bias correction) afresh.
  private long[] layerSteps;
  private long[] pendingLayerSteps;

  private ParamRanges ranges;
  private String[] slotNames;
  private float[][] slots = NO_SLOTS;
  private Map<String, float[]> pendingState;

  // The arrays of the step under way, read by the range body on every core.
  private float[] stepWeights;
  private float[] stepGrads;
  private double stepRate;
  private final Parallel.RangeBody body = this::updateConcatenated;

  /**
   * Creates an optimizer.
   *
   * @param learningRate the initial learning rate
   * @param weightDecay the decoupled weight decay (0 for none)
   */
  protected Optimizer(double learningRate, double weightDecay) {
    setLearningRate(learningRate);
    setWeightDecay(weightDecay);
  }

  /** The learning rate of the next step (before per-layer multipliers). */
  public double learningRate() {
    return learningRate;
  }

  /** Sets the learning rate of the next steps; a schedule calls this before each step. */
  public void setLearningRate(double learningRate) {
    this.learningRate = Args.nonNegative("learningRate", learningRate);
  }

  /** The decoupled weight decay: each step does {@code w -= lr * weightDecay * w} first. */
  public double weightDecay() {
    return weightDecay;
  }

  /** Sets the decoupled weight decay (0 turns it off). */
  public void setWeightDecay(double weightDecay) {
    this.weightDecay = Args.nonNegative("weightDecay", weightDecay);
  }

  /**
   * Exempts parameters from weight decay, as Keras's {@code exclude_from_weight_decay(var_names=)}:
   * a parameter is skipped when its {@link dev.jconv.Param#name() name} contains one of {@code
   * nameParts}, for example {@code "bias"}, {@code "gamma"}, {@code "beta"} or a layer prefix such
   * as {@code "bn1."}. Adds to earlier exclusions.
   *
   * @return this optimizer
   */
  public Optimizer excludeFromWeightDecay(String... nameParts) {
    for (String part : nameParts) {
      if (part == null || part.isEmpty()) {
        throw new IllegalArgumentException("excludeFromWeightDecay: name parts must not be empty");
      }
      noDecay.add(part);
    }
    rangesStale = true; // rebuilt, with the new exclusions, by the next step
    return this;
  }

  /**
   * Scales the learning rate (and so the weight decay) of one layer, for example 0.1 for a
   * pre-trained backbone during fine-tuning; 1 restores the default. The name is checked against
   * the model at the next step (at once when the optimizer has already stepped a model).
   *
   * @return this optimizer
   */
  public Optimizer setLearningRateMultiplier(String layerName, double factor) {
    Objects.requireNonNull(layerName, "layerName");
    Args.nonNegative("learning-rate multiplier for '" + layerName + "'", factor);
    if (ranges != null) {
      ranges.checkLayerNames(Map.of(layerName, factor));
    }
    multipliers.put(layerName, factor);
    multipliersChanged = true;
    return this;
  }

  /** The learning-rate multiplier of a layer: 1 unless set. */
  public double learningRateMultiplier(String layerName) {
    return multipliers.getOrDefault(layerName, 1.0);
  }

  /** How many steps have been taken (Keras's {@code optimizer.iterations}). */
  public long iterations() {
    return iterations;
  }

  /**
   * Updates {@code model.weights()} in place with one step from {@code grads} (laid out as the
   * weights). Frozen layers and non-trainable parameters (BatchNormalization's moving statistics)
   * are left untouched; the iteration count goes up by one.
   *
   * @throws IllegalArgumentException if {@code grads} does not match the weights, a learning-rate
   *     multiplier names an unknown layer, or restored state does not fit the model
   * @throws IllegalStateException if this optimizer holds state for a network of another size
   */
  public final void step(Model model, float[] grads) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(grads, "grads");
    float[] weights = model.weights();
    if (grads.length != weights.length) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + ".step: grads has "
              + grads.length
              + " values but "
              + model.name()
              + ".weights() has "
              + weights.length);
    }
    if (ranges == null || ranges.model() != model || rangesStale) {
      bind(model, weights.length);
    }
    if (multipliersChanged) {
      ranges.setMultipliers(multipliers);
      multipliersChanged = false;
    }
    ranges.refresh();
    ensureSlots(weights.length);
    countLayerSteps();
    long t = iterations + 1;
    prepare(t);
    stepWeights = weights;
    stepGrads = grads;
    stepRate = learningRate;
    try {
      int total = ranges.activeTotal();
      if (total >= PARALLEL_MIN && Parallel.threads() > 1) {
        Parallel.forRange(total, body);
      } else {
        body.run(0, total);
      }
    } finally {
      stepWeights = null;
      stepGrads = null;
    }
    iterations = t;
  }

  /**
   * The optimizer's state for a checkpoint: {@link #ITERATIONS}, one array per slot (such as {@code
   * adam.m}), each as long as the model's weights ({@code 0} long before the first step), and
   * {@link #LAYER_ITERATIONS} when some layer has taken fewer steps than the optimizer (it was
   * frozen for a while). The arrays are copies; {@link #restoreState} takes them back.
   *
   * <p>{@link #ITERATIONS} holds the count exactly as two floats: {@code count % 2^24} and {@code
   * count / 2^24}.
   */
  public Map<String, float[]> state() {
    Map<String, float[]> state = new LinkedHashMap<>();
    state.put(ITERATIONS, OptimizerStates.iterations(iterations));
    String[] names = slotNames();
    for (int s = 0; s < names.length; s++) {
      float[] slot;
      if (pendingState != null) {
        slot = pendingState.getOrDefault(names[s], new float[0]);
      } else {
        slot = slotNames == names ? slots[s] : new float[0];
      }
      state.put(names[s], slot.clone());
    }
    long[] perLayer = pendingLayerSteps != null ? pendingLayerSteps : layerSteps;
    if (perLayer != null && Arrays.stream(perLayer).anyMatch(n -> n != iterations)) {
      state.put(LAYER_ITERATIONS, OptimizerStates.encode(perLayer));
    }
    return state;
  }

  /**
   * Restores a state saved by {@link #state()} of an optimizer of the same kind and settings, so
   * the next steps continue bit for bit. Sizes are checked against each other here, and against the
   * model now if this optimizer has stepped one, otherwise at the next {@link #step}.
   *
   * @throws IllegalArgumentException naming the entry when one is missing, unknown or mis-sized
   */
  public void restoreState(Map<String, float[]> state) {
    Objects.requireNonNull(state, "state");
    String[] names = slotNames();
    Map<String, float[]> copy = OptimizerStates.check(getClass().getSimpleName(), state, names);
    int expected = ranges == null ? -1 : ranges.model().weights().length;
    if (expected >= 0) {
      OptimizerStates.checkLength(getClass().getSimpleName(), copy, names, expected);
      OptimizerStates.checkLayers(
          getClass().getSimpleName(), copy.get(LAYER_ITERATIONS), ranges.layerCount());
    }
    iterations = OptimizerStates.iterations(copy.get(ITERATIONS));
    float[] perLayer = copy.remove(LAYER_ITERATIONS);
    pendingLayerSteps = perLayer == null ? null : OptimizerStates.decode(perLayer);
    layerSteps = null;
    pendingState = copy;
    if (ranges != null) {
      ensureSlots(expected);
      ensureLayerSteps();
    }
  }

  /**
   * The names of this optimizer's per-weight state arrays, such as {@code adam.m}. Must return the
   * same array instance while the settings stay the same; a new instance makes the next step
   * re-create the slots (zeros).
   */
  protected abstract String[] slotNames();

  /**
   * Computes the per-step scalars (such as Adam's bias corrections) before the weights are updated.
   *
   * @param t the 1-based number of this step (Keras's {@code iterations + 1})
   */
  protected abstract void prepare(long t);

  /**
   * Updates weights {@code [from, to)} in place.
   *
   * @param w the model's weights
   * @param g the gradients, same layout
   * @param slots the state arrays named by {@link #slotNames()}, same layout
   * @param from the first index to update
   * @param to one past the last index
   * @param lr the learning rate of these weights (multiplier applied)
   * @param t the 1-based number of steps that have updated these weights, this one included: the
   *     optimizer's step number, less the steps during which their layer was frozen
   */
  protected abstract void update(
      float[] w, float[] g, float[][] slots, int from, int to, double lr, long t);

  private void bind(Model model, int weightCount) {
    if (slots.length > 0 && slots[0].length != weightCount) {
      throw new IllegalStateException(
          getClass().getSimpleName()
              + " holds state for "
              + slots[0].length
              + " weights but "
              + model.name()
              + " has "
              + weightCount
              + "; use a new optimizer for a different network");
    }
    ParamRanges built = new ParamRanges(model, noDecay);
    built.checkLayerNames(multipliers);
    if (pendingLayerSteps != null) {
      OptimizerStates.checkLayers(
          getClass().getSimpleName(),
          OptimizerStates.encode(pendingLayerSteps),
          built.layerCount());
    }
    if (ranges != null && ranges.model() != model) {
      layerSteps = null; // another model of the same size: its layers start from the count
    }
    ranges = built;
    rangesStale = false;
    multipliersChanged = true;
    ensureLayerSteps();
  }

  private void ensureLayerSteps() {
    if (pendingLayerSteps != null) {
      layerSteps = pendingLayerSteps;
      pendingLayerSteps = null;
    } else if (layerSteps == null || layerSteps.length != ranges.layerCount()) {
      layerSteps = new long[ranges.layerCount()];
      Arrays.fill(layerSteps, iterations);
    }
  }

  // Called once per step after the ranges are refreshed: counts this step for updated layers.
  private void countLayerSteps() {
    for (int li = 0; li < layerSteps.length; li++) {
      if (ranges.layerActive(li)) {
        layerSteps[li]++;
      }
    }
  }

  private void ensureSlots(int weightCount) {
    String[] names = slotNames();
    if (pendingState != null) {
      OptimizerStates.checkLength(getClass().getSimpleName(), pendingState, names, weightCount);
      float[][] restored = new float[names.length][];
      for (int s = 0; s < names.length; s++) {
        // a slot the restored state lacks (momentum turned on since) starts at zeros
        float[] saved = pendingState.get(names[s]);
        restored[s] = saved == null || saved.length == 0 ? new float[weightCount] : saved;
      }
      slots = restored;
      slotNames = names;
      pendingState = null;
      return;
    }
    if (names != slotNames) {
      slots = new float[names.length][];
      for (int s = 0; s < names.length; s++) {
        slots[s] = new float[weightCount];
      }
      slotNames = names;
    }
  }

  // Updates positions [from, to) of the concatenation of the active ranges.
  private void updateConcatenated(int from, int to) {
    if (from >= to) {
      return;
    }
    double weightDecayRate = weightDecay;
    for (int r = ranges.rangeAt(from); r < ranges.activeCount() && from < to; r++) {
      int start = ranges.activeStart(r);
      int end = start + ranges.activeSize(r);
      int a = Math.max(from, start);
      int b = Math.min(to, end);
      if (a < b) {
        int base = ranges.activeOffset(r) - start;
        double lr = stepRate * ranges.multiplier(r);
        if (weightDecayRate != 0 && ranges.decays(r)) {
          decay(stepWeights, base + a, base + b, (float) (lr * weightDecayRate));
        }
        long t = layerSteps[ranges.activeLayer(r)];
        update(stepWeights, stepGrads, slots, base + a, base + b, lr, t);
      }
    }
  }

  // Keras 3: variable.assign(variable - variable * wd * lr), before the update step.
  private static void decay(float[] w, int from, int to, float lrTimesDecay) {
    for (int i = from; i < to; i++) {
      w[i] -= w[i] * lrTimesDecay;
    }
  }
}
