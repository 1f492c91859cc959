package dev.jconv.augment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which pipeline transforms each class and how often each class is seen per epoch, to counter class
 * imbalance by oversampling plus augmentation:
 *
 * <pre>{@code
 * ClassAugmentation.of(pipeline)                        // every class through pipeline, once
 *     .forClass(3, strongPipeline, 5)                   // class 3 through strongPipeline, 5x
 * ClassAugmentation.of(pipeline).balance(strong)        // each smaller class up to the largest
 * }</pre>
 *
 * <p>In an epoch every example of class {@code k} appears once and {@code round((factor - 1) *
 * count)} more entries are drawn from the class without replacement (cycling through it, so repeats
 * are spread evenly); all entries of a class go through its pipeline, then the whole epoch is
 * shuffled. The plan depends only on the labels, the seed and the epoch.
 */
public final class ClassAugmentation {
  private record Rule(Pipeline pipeline, double factor) {}

  private final Pipeline base;
  private final Map<Integer, Rule> rules;
  private final Pipeline balance; // null: no balancing

  private ClassAugmentation(Pipeline base, Map<Integer, Rule> rules, Pipeline balance) {
    this.base = base;
    this.rules = rules;
    this.balance = balance;
  }

  /** Every class through {@code pipeline}, each example once per epoch. */
  public static ClassAugmentation of(Pipeline pipeline) {
    if (pipeline == null) {
      throw new IllegalArgumentException("pipeline must not be null (use Pipeline.identity())");
    }
    return new ClassAugmentation(pipeline, Map.of(), null);
  }

  /** Class {@code k} through {@code pipeline}, seen {@code factor} (>= 1) times as often. */
  public ClassAugmentation forClass(int k, Pipeline pipeline, double factor) {
    if (k < 0 || pipeline == null || !(factor >= 1) || factor > 1e4) {
      throw new IllegalArgumentException(
          "forClass needs a class >= 0, a pipeline and a factor in [1, 10000], got class "
              + k
              + ", factor "
              + factor);
    }
    Map<Integer, Rule> more = new LinkedHashMap<>(rules);
    more.put(k, new Rule(pipeline, factor));
    return new ClassAugmentation(base, more, balance);
  }

  /**
   * Oversamples every smaller class up to the largest class's count, all through the base pipeline.
   */
  public ClassAugmentation balance() {
    return new ClassAugmentation(base, rules, base);
  }

  /**
   * Oversamples every smaller class up to the largest class's count and sends those classes through
   * {@code pipeline}; classes named by {@link #forClass} keep their own rule.
   */
  public ClassAugmentation balance(Pipeline pipeline) {
    if (pipeline == null) {
      throw new IllegalArgumentException("pipeline must not be null");
    }
    return new ClassAugmentation(base, rules, pipeline);
  }

  /** The pipeline applied to classes without a rule. */
  public Pipeline base() {
    return base;
  }

  /** Every pipeline this plan may use, for checking them against the image shape. */
  public Pipeline[] pipelines() {
    Pipeline[] all = new Pipeline[rules.size() + 2];
    all[0] = base;
    all[1] = balance != null ? balance : base;
    int i = 2;
    for (Rule r : rules.values()) {
      all[i++] = r.pipeline();
    }
    return all;
  }

  /** Entries of each class in one epoch, given the data's count per class. */
  public int[] epochCounts(int[] classCounts) {
    int max = Arrays.stream(classCounts).max().orElse(0);
    int[] out = new int[classCounts.length];
    for (int k = 0; k < classCounts.length; k++) {
      Rule rule = rules.get(k);
      if (rule != null) {
        out[k] = (int) Math.round(rule.factor() * classCounts[k]);
      } else if (balance != null && classCounts[k] > 0) {
        out[k] = max;
      } else {
        out[k] = classCounts[k];
      }
    }
    return out;
  }

  /** The classes that have a {@link #forClass} rule. */
  java.util.Set<Integer> ruleClasses() {
    return rules.keySet();
  }

  /** The pipeline of class {@code k} given the data's counts. */
  Pipeline pipelineOf(int k, int[] classCounts) {
    Rule rule = rules.get(k);
    if (rule != null) {
      return rule.pipeline();
    }
    int max = Arrays.stream(classCounts).max().orElse(0);
    return balance != null && classCounts[k] < max ? balance : base;
  }

  /**
   * The entries of epoch {@code epoch} for examples labelled {@code labels} in {@code [0,
   * classes)}.
   */
  public EpochPlan plan(int[] labels, int classes, int epoch, long seed) {
    return EpochPlanner.plan(this, labels, classes, epoch, seed);
  }
}
