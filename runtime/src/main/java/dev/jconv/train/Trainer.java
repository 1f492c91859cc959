package dev.jconv.train;

import dev.jconv.Model;
import dev.jconv.augment.ClassAugmentation;
import dev.jconv.augment.Pipeline;
import dev.jconv.compiled.CompiledModel;
import dev.jconv.data.Dataset;
import dev.jconv.data.Datasets;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains a generated model, as Keras's {@code compile} + {@code fit} + {@code evaluate}:
 *
 * <pre>{@code
 * History history = Trainer.of(model)
 *     .optimizer(new Adam().learningRate(1e-3))
 *     .batchSize(64)
 *     .epochs(10)
 *     .validationSplit(0.1)
 *     .callback(EarlyStopping.onValidationLoss(3))
 *     .checkpoint(Path.of("run.safetensors"))
 *     .fit(train);
 * Evaluation test = Trainer.of(model).evaluate(testSet);
 * }</pre>
 *
 * <p>The loss is softmax cross-entropy against integer labels. Each epoch shuffles the data; a seed
 * makes the whole run (shuffles and dropout masks) reproducible for a given thread count. Batches
 * are spread over the cores by the model. A NaN or infinite loss stops training with an error
 * before the bad step is applied; the last checkpoint on disk is the last good one.
 */
public final class Trainer {
  private final Model model;
  private Optimizer optimizer = new Adam();
  private LearningRateSchedule schedule = LearningRateSchedule.constant();
  private int batchSize = 32;
  private int epochs = 1;
  private double validationSplit;
  private Dataset validationData;
  private long seed = 42;
  private final List<Callback> callbacks = new ArrayList<>();
  private Path checkpoint;
  private double labelSmoothing;
  private float[] classWeights;
  private ClassAugmentation augmentation;
  private PrintStream out = System.out;
  private boolean verbose = true;

  private Trainer(Model model) {
    this.model = model;
  }

  /** A trainer for {@code model} with Keras's defaults: Adam, batch size 32, one epoch. */
  public static Trainer of(Model model) {
    if (!(model instanceof CompiledModel)) {
      throw new IllegalArgumentException(
          model.name()
              + " has no generated training pass: train the <Name>Model that jconv generates"
              + " from the @Network class");
    }
    return new Trainer(model);
  }

  /** The optimizer (default {@link Adam} with Keras's defaults). */
  public Trainer optimizer(Optimizer optimizer) {
    this.optimizer = optimizer;
    return this;
  }

  /** The learning-rate schedule, applied to the optimizer's rate before every step. */
  public Trainer schedule(LearningRateSchedule schedule) {
    this.schedule = schedule;
    return this;
  }

  /** Examples per step (default 32). */
  public Trainer batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** Passes over the training data (default 1). */
  public Trainer epochs(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /** Holds out this fraction of the training data (stratified) for validation. */
  public Trainer validationSplit(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
    }
    this.validationSplit = fraction;
    return this;
  }

  /** Validation data measured after every epoch (instead of a split). */
  public Trainer validationData(Dataset data) {
    this.validationData = data;
    return this;
  }

  /** The seed of shuffling, the validation split and dropout (default 42). */
  public Trainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Label smoothing, as Keras's {@code CategoricalCrossentropy(label_smoothing=)}: the target of
   * each example becomes {@code (1 - e) * onehot + e / classes}.
   */
  public Trainer labelSmoothing(double epsilon) {
    if (!(epsilon >= 0 && epsilon < 1)) {
      throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + epsilon);
    }
    this.labelSmoothing = epsilon;
    return this;
  }

  /**
   * Weighs each example's loss by the weight of its class, as Keras's {@code class_weight}; see
   * {@code Datasets.classWeights} for the balanced weights of a data set.
   */
  public Trainer classWeights(float[] weights) {
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Float.isInfinite(weights[i])) {
        throw new IllegalArgumentException(
            "class weight " + i + " is " + weights[i] + "; weights must be >= 0");
      }
    }
    this.classWeights = weights.clone();
    return this;
  }

  /**
   * Augments every training example on the fly with {@code pipeline}, on worker threads that
   * prepare the next batches while the current one trains; seeded per step, so a resumed run sees
   * the same images. Validation and evaluation data are not augmented.
   */
  public Trainer augment(Pipeline pipeline) {
    return augment(ClassAugmentation.of(pipeline));
  }

  /** As {@link #augment(Pipeline)}, with per-class pipelines and oversampling. */
  public Trainer augment(ClassAugmentation augmentation) {
    this.augmentation = augmentation;
    return this;
  }

  /** Adds a callback, such as {@link EarlyStopping}. */
  public Trainer callback(Callback callback) {
    callbacks.add(callback);
    return this;
  }

  /**
   * Saves a checkpoint (weights, optimizer state, epoch) to {@code file} after every epoch, and
   * resumes from it when it already exists.
   */
  public Trainer checkpoint(Path file) {
    this.checkpoint = file;
    return this;
  }

  /** Where progress goes (default standard output); {@code verbose(false)} silences it. */
  public Trainer output(PrintStream out) {
    this.out = out;
    return this;
  }

  /** Whether to print progress bars and epoch lines (default true). */
  public Trainer verbose(boolean verbose) {
    this.verbose = verbose;
    return this;
  }

  /** The optimizer in use. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Trains on {@code train}, validating on the split or the validation data if any. */
  public History fit(Dataset train) {
    checkCompatible(model, train);
    if (train.size() == 0) {
      throw new IllegalArgumentException(
          "the training data is empty: nothing to train " + model.name() + " on");
    }
    Dataset validation = validationData;
    if (validation == null && validationSplit > 0) {
      Datasets.Split split = Datasets.split(train, validationSplit, seed);
      if (split.train().size() == 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the training data is empty after holding out %d of %d examples for validation"
                    + " (validationSplit %s): nothing to train %s on",
                split.validation().size(),
                train.size(),
                validationSplit,
                model.name()));
      }
      train = split.train();
      validation = split.validation();
    }
    if (validation != null) {
      checkCompatible(model, validation);
    }
    CheckpointSession session =
        checkpoint == null ? null : new CheckpointSession(checkpoint, model, optimizer, seed);
    int firstEpoch = session == null ? 0 : session.resume(verbose, out);
    History history = new History();
    for (Callback c : callbacks) {
      c.onTrainBegin(model);
    }
    double baseRate = optimizer.learningRate();
    if (classWeights != null && classWeights.length != model.outputSize()) {
      throw new IllegalArgumentException(
          "classWeights has "
              + classWeights.length
              + " entries but "
              + model.name()
              + " has "
              + model.outputSize()
              + " classes");
    }
    AugmentedBatches feed =
        augmentation == null
            ? null
            : new AugmentedBatches(train, augmentation, batchSize, epochs, seed);
    int epochSize = feed == null ? train.size() : feed.epochSize();
    Step step =
        new Step(model, Math.min(batchSize, Math.max(epochSize, 1)), labelSmoothing, classWeights);
    StepGuard guard = new StepGuard(model);
    int stepsPerEpoch = (epochSize + batchSize - 1) / batchSize;
    for (int epoch = firstEpoch; epoch < epochs; epoch++) {
      long start = System.nanoTime();
      int[] order = feed == null ? permutation(train.size(), seed + epoch) : feed.order();
      ProgressBar bar =
          new ProgressBar(
              out, System.console() != null, "Epoch " + (epoch + 1) + "/" + epochs, stepsPerEpoch);
      double lossSum = 0;
      long hits = 0;
      int seen = 0;
      for (int b = 0; b < stepsPerEpoch; b++) {
        int from = b * batchSize;
        int n = Math.min(batchSize, epochSize - from);
        int globalStep = epoch * stepsPerEpoch + b;
        double rate = schedule.rate(epoch, globalStep, stepsPerEpoch, baseRate);
        optimizer.setLearningRate(rate);
        if (Thread.currentThread().isInterrupted()) {
          optimizer.setLearningRate(baseRate);
          throw interrupted(session, epoch, b, null);
        }
        Dataset batch = feed == null ? train : feed.batch(epoch, b);
        int batchFrom = feed == null ? from : 0;
        guard.save();
        float loss;
        try {
          loss = step.run(batch, order, batchFrom, n, seed * 1_000_003L + globalStep);
        } catch (RuntimeException | Error e) {
          guard.restore();
          optimizer.setLearningRate(baseRate);
          if (Thread.currentThread().isInterrupted()) {
            throw interrupted(session, epoch, b, e);
          }
          throw e;
        }
        String badInput = StepGuard.badInput(step.x, n, model.inputSize(), order, batchFrom);
        String badResult =
            badInput != null || !Float.isFinite(loss) ? null : guard.badResult(step.grads);
        if (badInput != null || !Float.isFinite(loss) || badResult != null) {
          guard.restore();
          optimizer.setLearningRate(baseRate);
          throw rejected(badInput, badResult, loss, epoch, b, rate);
        }
        optimizer.step(model, step.grads);
        lossSum += (double) loss * n;
        hits += step.hits(n);
        seen += n;
        if (verbose) {
          bar.update(b + 1, seen, metrics(lossSum / seen, (double) hits / seen));
        }
      }
      double valLoss = Double.NaN;
      double valAccuracy = Double.NaN;
      if (validation != null && validation.size() > 0) {
        Evaluation e = Evaluator.evaluate(model, validation, batchSize);
        valLoss = e.loss();
        valAccuracy = e.accuracy();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      EpochLogs logs =
          new EpochLogs(
              epoch,
              lossSum / Math.max(seen, 1),
              (double) hits / Math.max(seen, 1),
              valLoss,
              valAccuracy,
              optimizer.learningRate(),
              seconds);
      history.add(logs);
      if (verbose) {
        String m = metrics(logs.loss(), logs.accuracy());
        if (logs.hasValidation()) {
          m += String.format(Locale.ROOT, " - val_loss %.4f - val_acc %.4f", valLoss, valAccuracy);
        }
        bar.finish(stepsPerEpoch, seen, m);
      }
      optimizer.setLearningRate(baseRate);
      if (session != null) {
        if (Thread.currentThread().isInterrupted()) {
          throw interrupted(session, epoch, stepsPerEpoch, null);
        }
        session.save(epoch + 1);
      }
      boolean stop = false;
      for (Callback c : callbacks) {
        stop |= c.onEpochEnd(model, logs);
      }
      if (stop) {
        history.markStoppedEarly();
        break;
      }
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(model, history);
    }
    return history;
  }

  /** Loss, accuracy, top-5 accuracy and the confusion matrix of the model on {@code data}. */
  public Evaluation evaluate(Dataset data) {
    return Evaluator.evaluate(model, data, batchSize);
  }

  /** The error of a step that was rejected: bad input, a non-finite loss, gradient or statistic. */
  private IllegalStateException rejected(
      String badInput, String badResult, float loss, int epoch, int batch, double rate) {
    String where =
        String.format(
            Locale.ROOT, "at epoch %d, batch %d (learning rate %.3g)", epoch + 1, batch + 1, rate);
    String kept =
        "; the step was not applied: every weight and statistic is as before it"
            + (checkpoint != null && Files.exists(checkpoint)
                ? ", and the last good checkpoint is " + checkpoint
                : "");
    if (badInput != null) {
      return new IllegalStateException(
          "training stopped: " + badInput + " " + where + kept + ". Check the data for NaN/Inf.");
    }
    String what = badResult != null ? badResult : "the loss is " + loss;
    return new IllegalStateException(
        "training diverged: "
            + what
            + " "
            + where
            + kept
            + ". Lower the learning rate or check the data for NaN/Inf.");
  }

  private TrainingInterruptedException interrupted(
      CheckpointSession session, int epoch, int batch, Throwable cause) {
    return new TrainingInterruptedException(
        "training was interrupted at epoch "
            + (epoch + 1)
            + ", batch "
            + (batch + 1)
            + (session == null ? "" : "; " + session.lastGood()),
        cause);
  }

  private static String metrics(double loss, double accuracy) {
    return String.format(Locale.ROOT, "loss %.4f - acc %.4f", loss, accuracy);
  }

  /** A seeded Fisher-Yates permutation of {@code [0, n)}. */
  static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Fails unless the data's example shape, class count and labels fit the model. */
  static void checkCompatible(Model model, Dataset data) {
    if (!Arrays.equals(model.inputShape(), data.shape())) {
      throw new IllegalArgumentException(
          "the data's examples have shape "
              + Arrays.toString(data.shape())
              + " but "
              + model.name()
              + " takes "
              + Arrays.toString(model.inputShape()));
    }
    if (data.classes() > model.outputSize()) {
      throw new IllegalArgumentException(
          "the data has "
              + data.classes()
              + " classes but "
              + model.name()
              + " outputs "
              + model.outputSize()
              + " scores");
    }
    Datasets.checkLabels(data);
  }

  /** The buffers of one training step, reused across steps. */
  private static final class Step {
    final CompiledModel model;
    final float[] x;
    final int[] labels;
    final float[] grads;
    final float[] outputs;
    final double smoothing;
    final float[] classWeights;
    final float[] targets;
    final float[] sampleWeights;

    Step(Model model, int batch, double smoothing, float[] classWeights) {
      this.model = (CompiledModel) model;
      this.smoothing = smoothing;
      this.classWeights = classWeights;
      boolean soft = smoothing > 0 || classWeights != null;
      this.targets = soft ? new float[batch * model.outputSize()] : null;
      this.sampleWeights = classWeights != null ? new float[batch] : null;
      this.x = new float[batch * model.inputSize()];
      this.labels = new int[batch];
      this.grads = new float[model.weights().length];
      this.outputs = new float[batch * model.outputSize()];
    }

    float run(Dataset data, int[] order, int from, int n, long stepSeed) {
      int in = model.inputSize();
      for (int i = 0; i < n; i++) {
        data.copyExample(order[from + i], x, i * in);
        labels[i] = data.label(order[from + i]);
      }
      float[] batchX = n * in == x.length ? x : Arrays.copyOf(x, n * in);
      if (targets == null) {
        return model.lossAndGradients(batchX, labels, n, grads, null, stepSeed);
      }
      int classes = model.outputSize();
      float off = (float) (smoothing / classes);
      float on = (float) (1 - smoothing) + off;
      for (int i = 0; i < n; i++) {
        Arrays.fill(targets, i * classes, (i + 1) * classes, off);
        targets[i * classes + labels[i]] = on;
        if (sampleWeights != null) {
          sampleWeights[i] = classWeights[labels[i]];
        }
      }
      float[] batchTargets =
          n * classes == targets.length ? targets : Arrays.copyOf(targets, n * classes);
      return model.lossAndGradients(batchX, batchTargets, sampleWeights, n, grads, null, stepSeed);
    }

    long hits(int n) {
      model.trainingOutputs(outputs, n);
      long hits = 0;
      for (int i = 0; i < n; i++) {
        hits += Metrics.argmax(outputs, i, model.outputSize()) == labels[i] ? 1 : 0;
      }
      return hits;
    }
  }
}
