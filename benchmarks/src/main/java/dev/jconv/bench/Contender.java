package dev.jconv.bench;

/** One engine holding one network and a random batch: the operations the harness times. */
public interface Contender extends AutoCloseable {
  /** The engine's name in the results: {@code jconv} or {@code pytorch}. */
  String engine();

  /** All parameters, Keras's "Total params" (batch-norm statistics included). */
  long params();

  /** Parameters that training updates. */
  long trainableParams();

  /** Runs the following operations on {@code n} threads. */
  void threads(int n);

  /** Inference on the whole batch. */
  void inferBatch();

  /** Inference on one image. */
  void inferOne();

  /**
   * One training step on the batch: forward in training mode, softmax cross-entropy, backward and a
   * plain SGD update; returns the loss.
   */
  float trainStep();

  @Override
  default void close() {}

  /** Makes contenders of one engine by network name. */
  interface Factory {
    /**
     * The network {@code net} (a {@code @Network} class name such as {@code SeedNet}) with random
     * inputs and labels for a batch of {@code batch}, all drawn from {@code seed}.
     */
    Contender create(String net, int batch, long seed) throws Exception;

    /** What the engine is, for the results header (version, threads settings). */
    String describe();
  }
}
