package dev.jconv.bench;

import dev.jconv.compiled.CompiledModel;
import dev.jconv.parallel.Parallel;
import dev.jconv.train.Sgd;
import java.util.Random;

/**
 * A generated jconv model behind {@link Contender}: {@code predict}, a training step, plain SGD.
 */
final class JconvContender implements Contender {
  private final CompiledModel model;
  private final int batch;
  private final float[] x;
  private final int[] labels;
  private final float[] y;
  private final float[] one;
  private final float[] grads;
  private final Sgd sgd = new Sgd().learningRate(0.01);
  private long step;

  JconvContender(CompiledModel model, int batch, long seed) {
    this.model = model;
    this.batch = batch;
    Random random = new Random(seed);
    x = new float[batch * model.inputSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    labels = new int[batch];
    for (int i = 0; i < batch; i++) {
      labels[i] = random.nextInt(model.outputSize());
    }
    y = new float[batch * model.outputSize()];
    one = new float[model.outputSize()];
    grads = new float[model.weights().length];
  }

  /**
   * The generated {@code <net>Model} of {@code dev.jconv.examples}, its weights drawn from seed.
   */
  static CompiledModel model(String net, long seed) throws ReflectiveOperationException {
    Class<?> type = Class.forName("dev.jconv.examples." + net + "Model");
    return (CompiledModel) type.getConstructor(long.class).newInstance(seed);
  }

  /** The factory of jconv contenders. */
  static Factory factory() {
    return new Factory() {
      @Override
      public Contender create(String net, int batch, long seed) throws Exception {
        return new JconvContender(model(net, seed), batch, seed);
      }

      @Override
      public String describe() {
        return "jconv, Parallel.setThreads per measurement";
      }
    };
  }

  CompiledModel model() {
    return model;
  }

  @Override
  public String engine() {
    return "jconv";
  }

  @Override
  public long params() {
    return model.paramCount();
  }

  @Override
  public long trainableParams() {
    return model.trainableParamCount();
  }

  @Override
  public void threads(int n) {
    Parallel.setThreads(n);
  }

  @Override
  public void inferBatch() {
    model.predict(x, batch, y);
  }

  @Override
  public void inferOne() {
    model.predictInto(x, 0, one, 0);
  }

  @Override
  public float trainStep() {
    float loss = model.lossAndGradients(x, labels, batch, grads, null, step++);
    sgd.step(model, grads);
    return loss;
  }
}
