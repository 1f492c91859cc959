package dev.jconv.bench.torch;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.jconv.bench.Contender;
import java.util.Random;

/**
 * One network in PyTorch through DJL: inference by the block's forward pass (no autograd, since DJL
 * turns grad mode off outside a gradient collector) plus softmax; a training step by DJL's {@link
 * Trainer} with softmax cross-entropy and plain SGD (learning rate 0.01). Every step's temporary
 * tensors live in a sub-manager that is closed after it.
 */
final class TorchContender implements Contender {
  private final NDManager manager;
  private final Model model;
  private final Trainer trainer;
  private final Block block;
  private final ParameterStore store;
  private final NDArray x;
  private final NDArray one;
  private final NDArray labels;

  TorchContender(String net, int batch, long seed) {
    Engine.getEngine("PyTorch").setRandomSeed((int) seed);
    manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    block = TorchNets.block(net);
    model = Model.newInstance(net, Device.cpu(), "PyTorch");
    model.setBlock(block);
    trainer =
        model.newTrainer(
            new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build())
                .optDevices(new Device[] {Device.cpu()}));
    Shape in = TorchNets.input(net);
    Shape batchShape = new Shape(batch, in.get(0), in.get(1), in.get(2));
    trainer.initialize(batchShape);
    store = new ParameterStore(manager, false);
    x = manager.randomUniform(0f, 1f, batchShape);
    one = manager.randomUniform(0f, 1f, new Shape(1, in.get(0), in.get(1), in.get(2)));
    long classes = block.getOutputShapes(new Shape[] {batchShape})[0].get(1);
    Random random = new Random(seed);
    float[] y = new float[batch];
    for (int i = 0; i < batch; i++) {
      y[i] = random.nextInt((int) classes);
    }
    labels = manager.create(y);
  }

  @Override
  public String engine() {
    return "pytorch";
  }

  @Override
  public long params() {
    return count(false);
  }

  @Override
  public long trainableParams() {
    return count(true);
  }

  private long count(boolean trainableOnly) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (!trainableOnly || p.getValue().requiresGradient()) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  @Override
  public void threads(int n) {
    JniUtils.setNumThreads(n);
  }

  @Override
  public void inferBatch() {
    infer(x);
  }

  @Override
  public void inferOne() {
    infer(one);
  }

  private void infer(NDArray input) {
    try (NDManager step = manager.newSubManager()) {
      input.tempAttach(step);
      block.forward(store, new NDList(input), false).singletonOrThrow().softmax(1);
    }
  }

  @Override
  public float trainStep() {
    try (NDManager step = manager.newSubManager()) {
      x.tempAttach(step);
      labels.tempAttach(step);
      float loss;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList predictions = trainer.forward(new NDList(x));
        NDArray l = trainer.getLoss().evaluate(new NDList(labels), predictions);
        collector.backward(l);
        loss = l.getFloat();
      }
      trainer.step();
      return loss;
    }
  }

  @Override
  public void close() {
    trainer.close();
    model.close();
    manager.close();
  }
}
