package dev.jconv.processor.reference;

import dev.jconv.Model;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs a generated model and the reference on the same random weights and inputs and compares every
 * output value: the error of a value is {@code |got - want| / max(1, |want|)} and must not exceed
 * {@link #TOLERANCE}. A failure names the seed and shows the network's source.
 */
final class ForwardCheck {
  /** Largest accepted error, relative to max(1, |reference value|). */
  static final double TOLERANCE = 1e-4;

  /** How far a model was from the reference. */
  record Result(int values, double maxAbs, double maxRel) {
    Result merge(Result o) {
      return new Result(values + o.values, Math.max(maxAbs, o.maxAbs), Math.max(maxRel, o.maxRel));
    }

    static Result none() {
      return new Result(0, 0, 0);
    }

    @Override
    public String toString() {
      return String.format(
          "%d values, max abs error %.3g, max rel error %.3g", values, maxAbs, maxRel);
    }
  }

  private ForwardCheck() {}

  /** Random inputs in [-1, 1), {@code n} examples of {@code net}'s input shape. */
  static float[] randomInput(NetDef net, int n, SplittableRandom random) {
    float[] x = new float[n * net.input().size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }

  /**
   * Compiled model of {@code net} with weights and {@code n} inputs drawn from {@code seed}: each
   * {@code predict(hwc)}, and {@code predict(x, n, out)} over all of them, against the reference's
   * inference.
   */
  static Result check(GeneratedModels compiled, NetDef net, long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    Model model = compiled.newModel(net, seed);
    ModelWeights.randomize(model, random);
    Map<String, double[]> params;
    try {
      params = ModelWeights.forReference(model, net);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + context(compiled, net, seed), e);
    }
    float[] x = randomInput(net, n, random);
    double[] want = new RefNet(net).infer(params, toDouble(x), n).output();
    int in = net.input().size();
    int out = net.outputShape().size();
    float[] got = new float[n * out];
    for (int b = 0; b < n; b++) {
      float[] y = model.predict(Arrays.copyOfRange(x, b * in, (b + 1) * in));
      System.arraycopy(y, 0, got, b * out, out);
    }
    Result one = compare(got, want, () -> context(compiled, net, seed));
    // The batch form runs the block path (predictBlock: the layers before the first Dense in one
    // cached workspace, their outputs copied to each example's) where the model has one.
    float[] batch = new float[n * out];
    model.predict(x, n, batch);
    return one.merge(compare(batch, want, () -> "batch predict\n" + context(compiled, net, seed)));
  }

  /** Compares {@code got} with {@code want}; {@code context} describes a failure. */
  static Result compare(float[] got, double[] want, java.util.function.Supplier<String> context) {
    if (got.length != want.length) {
      throw new AssertionError(
          got.length + " outputs, expected " + want.length + "\n" + context.get());
    }
    double maxAbs = 0;
    double maxRel = 0;
    for (int i = 0; i < got.length; i++) {
      double abs = Math.abs(got[i] - want[i]);
      double rel = abs / Math.max(1, Math.abs(want[i]));
      if (!(rel <= TOLERANCE)) {
        throw new AssertionError(
            String.format(
                "output %d: generated %s, reference %s (error %.3g > %.1g)%n%s",
                i, got[i], want[i], rel, TOLERANCE, context.get()));
      }
      maxAbs = Math.max(maxAbs, abs);
      maxRel = Math.max(maxRel, rel);
    }
    return new Result(got.length, maxAbs, maxRel);
  }

  static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static String context(GeneratedModels compiled, NetDef net, long seed) {
    return "network "
        + net.qualifiedName()
        + ", seed "
        + seed
        + ":\n"
        + net.numberedSource()
        + "(generated source follows)\n"
        + compiled.generatedSource(net);
  }
}
