package dev.jconv.processor.reference;

import dev.jconv.Activation.Fn;
import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.kernels.Dropouts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs one training pass ({@link Model#lossAndGradients}) of a generated model and the same
 * computation in the double reference: the training-mode forward with the model's own dropout masks
 * (reproduced with {@link Dropouts#mask}) and batch statistics, the mean softmax cross-entropy, and
 * the backward pass. Compares the loss, every parameter gradient and the input gradient, and checks
 * that the moving statistics moved by Keras's rule and that they get no gradient.
 *
 * <p>The error of a gradient value is {@code |got - want| / max(|want|, FLOOR * largest)}, where
 * largest is the largest |gradient| of the whole pass (input and parameters): relative to the
 * value, except for values far below the network's gradient scale, where float summation leaves an
 * error relative to that scale: a bias followed by BatchNormalization has a gradient of exactly 0
 * that float arithmetic computes as up to about 1e-5 of the largest gradient (BatchNormalization's
 * backward subtracts means and multiplies by 1 / sqrt(var + eps), up to 316 for eps = 1e-5).
 */
final class TrainingCheck {
  /** Largest accepted error of a gradient (see the class comment). */
  static final double TOLERANCE = 1e-3;

  /** The fraction of the largest gradient below which errors count against that scale. */
  static final double FLOOR = 1e-2;

  /** The loss must agree to this relative error. */
  static final double LOSS_TOLERANCE = 1e-5;

  /** How far the generated gradients were from the reference. */
  record Result(int values, double maxAbs, double maxRel, double maxScaled, String worst) {
    Result merge(Result o) {
      return new Result(
          values + o.values,
          Math.max(maxAbs, o.maxAbs),
          Math.max(maxRel, o.maxRel),
          Math.max(maxScaled, o.maxScaled),
          o.maxRel > maxRel ? o.worst : worst);
    }

    static Result none() {
      return new Result(0, 0, 0, 0, "-");
    }

    @Override
    public String toString() {
      return String.format(
          "%d gradients, max abs error %.3g, max rel error %.3g (%s), max error / largest"
              + " |gradient| %.3g",
          values, maxAbs, maxRel, worst, maxScaled);
    }
  }

  /** What the reference computed for a batch. */
  record Reference(
      double loss,
      Map<String, double[]> grads,
      RefNet.Trace trace,
      Map<String, double[]> params,
      Map<String, double[]> masks) {}

  private TrainingCheck() {}

  /**
   * {@code net} followed by a classification head: Flatten when its output is an image, then {@code
   * Dense(classes, activation = fn)}, so that {@code lossAndGradients} accepts it.
   */
  static NetDef withHead(NetDef net, String className, int classes, Fn fn) {
    List<LayerDef> layers = new ArrayList<>(net.layers());
    if (net.outputShape().image()) {
      layers.add(new LayerDef.Flatten("head_flatten", List.of()));
    }
    layers.add(new LayerDef.Dense("head_dense", List.of(), classes, fn, true));
    return new NetDef(net.packageName(), className, net.input(), layers);
  }

  /** Random integer labels in {@code [0, classes)}. */
  static int[] randomLabels(int n, int classes, SplittableRandom random) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(classes);
    }
    return labels;
  }

  /** The masks {@code lossAndGradients} draws for each Dropout layer of {@code net}. */
  static Map<String, double[]> dropoutMasks(NetDef net, int n, long seed) {
    Map<String, Dims> shapes = net.shapes();
    Map<String, double[]> masks = new HashMap<>();
    for (int i = 0; i < net.layers().size(); i++) {
      if (net.layers().get(i) instanceof LayerDef.Dropout d) {
        int size = shapes.get(d.name()).size();
        float[] m = new float[size];
        double[] all = new double[n * size];
        for (int e = 0; e < n; e++) {
          Dropouts.mask(m, 0, size, (float) d.rate(), seed, i, e);
          for (int j = 0; j < size; j++) {
            all[e * size + j] = m[j];
          }
        }
        masks.put(d.name(), all);
      }
    }
    return masks;
  }

  /** Whether the network's output is a softmax, so that the loss reads its probabilities. */
  static boolean endsInSoftmax(NetDef net) {
    LayerDef last = net.layers().get(net.layers().size() - 1);
    return last instanceof LayerDef.Activation a
        ? a.value() == Fn.SOFTMAX
        : last.activation() == Fn.SOFTMAX;
  }

  /**
   * The mean softmax cross-entropy of the reference's output {@code y} and its gradient {@code
   * dout} w.r.t. y (written when not null): {@code -log y[label]} for a softmax output, otherwise y
   * are logits and the loss is {@code logsumexp(y) - y[label]}.
   */
  static double loss(NetDef net, double[] y, int[] labels, int n, double[] dout) {
    int classes = y.length / n;
    boolean probabilities = endsInSoftmax(net);
    double total = 0;
    for (int e = 0; e < n; e++) {
      int o = e * classes;
      if (probabilities) {
        total -= Math.log(y[o + labels[e]]);
        if (dout != null) {
          dout[o + labels[e]] = -1.0 / (n * y[o + labels[e]]);
        }
        continue;
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < classes; i++) {
        max = Math.max(max, y[o + i]);
      }
      double sum = 0;
      for (int i = 0; i < classes; i++) {
        sum += Math.exp(y[o + i] - max);
      }
      double logSum = max + Math.log(sum);
      total += logSum - y[o + labels[e]];
      if (dout != null) {
        for (int i = 0; i < classes; i++) {
          dout[o + i] = (Math.exp(y[o + i] - logSum) - (i == labels[e] ? 1 : 0)) / n;
        }
      }
    }
    return total / n;
  }

  /** The reference's training pass on the model's current weights. */
  static Reference reference(
      NetDef net, Model model, float[] x, int[] labels, int n, long dropoutSeed) {
    Map<String, double[]> params = ModelWeights.forReference(model, net);
    Map<String, double[]> masks = dropoutMasks(net, n, dropoutSeed);
    RefNet ref = new RefNet(net);
    RefNet.Trace trace = ref.forward(params, ForwardCheck.toDouble(x), n, true, masks);
    double[] dout = new double[trace.output().length];
    double loss = loss(net, trace.output(), labels, n, dout);
    Map<String, double[]> grads = ref.backward(trace, params, dout);
    return new Reference(loss, grads, trace, params, masks);
  }

  /**
   * A model of {@code net} with random weights from {@code seed}, one {@code lossAndGradients} pass
   * on random inputs and labels against the reference; every check described in the class comment.
   */
  static Result check(GeneratedModels compiled, NetDef net, long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    Model model = compiled.newModel(net, seed);
    ModelWeights.randomize(model, random);
    return check(model, net, random, seed, n);
  }

  /**
   * One pass of {@code model} (with whatever weights and buffers it has) on random inputs and
   * labels drawn from {@code random}, against the reference; {@code seed} is for failure messages.
   */
  static Result check(Model model, NetDef net, SplittableRandom random, long seed, int n) {
    float[] x = ForwardCheck.randomInput(net, n, random);
    int[] labels = randomLabels(n, model.outputSize(), random);
    long dropoutSeed = random.nextLong();
    Reference want = reference(net, model, x, labels, n, dropoutSeed);
    float[] before = model.weights().clone();
    float[] grads = new float[before.length];
    float[] inputGrads = new float[x.length];
    float loss =
        ((dev.jconv.compiled.CompiledModel) model)
            .lossAndGradients(x, labels, n, grads, inputGrads, dropoutSeed);
    java.util.function.Supplier<String> context =
        () ->
            "network "
                + net.qualifiedName()
                + ", seed "
                + seed
                + ", n = "
                + n
                + ":\n"
                + net.numberedSource();
    if (!(Math.abs(loss - want.loss()) <= LOSS_TOLERANCE * Math.max(1, Math.abs(want.loss())))) {
      throw new AssertionError(
          "loss: generated " + loss + ", reference " + want.loss() + "\n" + context.get());
    }
    double largest = 0;
    for (Map.Entry<String, double[]> e : want.grads().entrySet()) {
      if (!isStatistic(e.getKey().substring(e.getKey().lastIndexOf('.') + 1))) {
        for (double v : e.getValue()) {
          largest = Math.max(largest, Math.abs(v));
        }
      }
    }
    Result result =
        compare("input", inputGrads, 0, want.grads().get(NetDef.INPUT), largest, context);
    for (Layer layer : model.layers()) {
      for (Param p : layer.params()) {
        String key = layer.name() + "." + p.kind();
        if (isStatistic(p.kind())) {
          for (int i = 0; i < p.size(); i++) {
            if (grads[p.offset() + i] != 0f) {
              throw new AssertionError(key + " has a gradient\n" + context.get());
            }
          }
          continue;
        }
        result =
            result.merge(compare(key, grads, p.offset(), want.grads().get(key), largest, context));
      }
    }
    checkMovingStatistics(net, model, before, want, context);
    return result;
  }

  static boolean isStatistic(String kind) {
    return kind.equals("moving_mean") || kind.equals("moving_variance");
  }

  /**
   * After one pass every moving statistic is {@code momentum * old + (1 - momentum) * batch}, with
   * the batch mean and biased variance; every other weight is unchanged.
   */
  static void checkMovingStatistics(
      NetDef net,
      Model model,
      float[] before,
      Reference want,
      java.util.function.Supplier<String> context) {
    float[] after = model.weights();
    for (Layer layer : model.layers()) {
      double momentum = 0.99; // the test networks keep Keras's default
      RefBatchNorm.Stats stats = want.trace().stats.get(layer.name());
      for (Param p : layer.params()) {
        for (int i = 0; i < p.size(); i++) {
          int at = p.offset() + i;
          double expected;
          if (p.kind().equals("moving_mean")) {
            expected = momentum * before[at] + (1 - momentum) * stats.mean()[i];
          } else if (p.kind().equals("moving_variance")) {
            expected = momentum * before[at] + (1 - momentum) * stats.var()[i];
          } else {
            if (after[at] != before[at]) {
              throw new AssertionError(
                  layer.name() + "." + p.kind() + "[" + i + "] changed\n" + context.get());
            }
            continue;
          }
          if (!(Math.abs(after[at] - expected) <= 1e-5 * Math.max(1, Math.abs(expected)))) {
            throw new AssertionError(
                String.format(
                    "%s.%s[%d] after one pass: %s, expected %.9g = %.2f * %s + %.2f * batch"
                        + " statistic %.9g%n%s",
                    layer.name(),
                    p.kind(),
                    i,
                    after[at],
                    expected,
                    momentum,
                    before[at],
                    1 - momentum,
                    p.kind().equals("moving_mean") ? stats.mean()[i] : stats.var()[i],
                    context.get()));
          }
        }
      }
    }
  }

  /** Compares {@code got[offset...]} with {@code want}; see the class comment for the error. */
  static Result compare(
      String name,
      float[] got,
      int offset,
      double[] want,
      double largest,
      java.util.function.Supplier<String> context) {
    double floor = Math.max(FLOOR * largest, 1e-30);
    double maxAbs = 0;
    double maxRel = 0;
    double maxScaled = 0;
    String worst = "-";
    for (int i = 0; i < want.length; i++) {
      double abs = Math.abs(got[offset + i] - want[i]);
      double rel = abs / Math.max(Math.abs(want[i]), floor);
      if (!(rel <= TOLERANCE)) {
        throw new AssertionError(
            String.format(
                "d loss / d %s[%d]: generated %s, reference %.9g (error %.3g > %.1g; largest"
                    + " |gradient| %.3g)%n%s",
                name, i, got[offset + i], want[i], rel, TOLERANCE, largest, context.get()));
      }
      maxAbs = Math.max(maxAbs, abs);
      maxScaled = Math.max(maxScaled, largest == 0 ? abs : abs / largest);
      if (rel > maxRel) {
        maxRel = rel;
        worst = name;
      }
    }
    return new Result(want.length, maxAbs, maxRel, maxScaled, worst);
  }

  /**
   * Proves the reference's gradients of the whole training loss (forward with the dropout masks and
   * batch statistics, softmax cross-entropy) with central differences in double, on up to {@code
   * samples} coordinates of the input and of each trainable parameter tensor. Returns the number
   * checked.
   */
  static int centralDifferences(
      NetDef net, Reference ref, double[] x, int[] labels, int n, int samples, long seed) {
    RefNet refNet = new RefNet(net);
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, double[]> values = new HashMap<>(ref.params());
    values.put(NetDef.INPUT, x);
    int checked = 0;
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      String key = e.getKey();
      if (isStatistic(key.substring(key.lastIndexOf('.') + 1))) {
        continue;
      }
      double[] v = e.getValue();
      double[] analytic = ref.grads().get(key);
      for (int s = 0; s < Math.min(samples, v.length); s++) {
        int i = v.length <= samples ? s : random.nextInt(v.length);
        double saved = v[i];
        double h = 1e-6;
        v[i] = saved + h;
        double plus =
            loss(
                net,
                refNet.forward(ref.params(), x, n, true, ref.masks()).output(),
                labels,
                n,
                null);
        v[i] = saved - h;
        double minus =
            loss(
                net,
                refNet.forward(ref.params(), x, n, true, ref.masks()).output(),
                labels,
                n,
                null);
        v[i] = saved;
        double numeric = (plus - minus) / (2 * h);
        double scale = Math.max(1e-2, Math.max(Math.abs(numeric), Math.abs(analytic[i])));
        if (!(Math.abs(numeric - analytic[i]) <= 1e-5 * scale)) {
          throw new AssertionError(
              String.format(
                  "d loss / d %s[%d]: reference backward %.9g, central difference %.9g (n ="
                      + " %d)%n%s",
                  key, i, analytic[i], numeric, n, net.numberedSource()));
        }
        checked++;
      }
    }
    return checked;
  }
}
