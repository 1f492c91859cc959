package dev.jconv.augment;

/**
 * The examples of one training epoch in the order they are seen, each with the pipeline that
 * transforms it; an example may appear several times when its class is oversampled.
 */
public final class EpochPlan {
  private final int[] indices;
  private final byte[] pipelineOf;
  private final Pipeline[] pipelines;

  EpochPlan(int[] indices, byte[] pipelineOf, Pipeline[] pipelines) {
    this.indices = indices;
    this.pipelineOf = pipelineOf;
    this.pipelines = pipelines;
  }

  /** Entries in the epoch. */
  public int size() {
    return indices.length;
  }

  /** The data set index of entry {@code i}. */
  public int index(int i) {
    return indices[i];
  }

  /** The pipeline that transforms entry {@code i}. */
  public Pipeline pipeline(int i) {
    return pipelines[pipelineOf[i]];
  }
}
