package dev.jconv.parallel;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Splits a range of examples over the machine's cores: the caller runs the first chunk, persistent
 * {@link Worker} threads the others. A call allocates nothing and wakes workers that are still
 * spinning from the previous call, which matters for a training step that runs dozens of short
 * parallel regions. One caller at a time uses the workers; a concurrent or nested call runs its
 * chunks one after another on its own thread, with the same chunk numbers. The thread count
 * defaults to the available processors and can be set with {@code -Djconv.threads=N} or {@link
 * #setThreads(int)}.
 */
public final class Parallel {
  /** Work on examples {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    /** Processes examples {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int from, int to);
  }

  /** Work on examples {@code [from, to)} as chunk number {@code chunk}. */
  @FunctionalInterface
  public interface ChunkBody {
    /** Processes examples {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int chunk, int from, int to);
  }

  // Not a ReentrantLock: a nested call from the caller's own chunk must not reuse busy workers.
  private static final AtomicBoolean BUSY = new AtomicBoolean();
  private static Worker[] workers = new Worker[0];
  private static volatile int threads =
      Integer.getInteger("jconv.threads", Runtime.getRuntime().availableProcessors());

  private Parallel() {}

  /** How many threads a batch is spread over. */
  public static int threads() {
    return threads;
  }

  /** Sets how many threads a batch is spread over (1 runs everything on the caller). */
  public static void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + n);
    }
    threads = n;
  }

  /** How many chunks {@link #forChunks} splits {@code n} examples into. */
  public static int chunks(int n) {
    return Math.max(1, Math.min(threads, n));
  }

  /** The first example of chunk {@code i} of {@code chunks} over {@code n} examples. */
  public static int chunkStart(int n, int chunks, int i) {
    return (int) ((long) n * i / chunks);
  }

  /** Runs {@code body} over {@code [0, n)} in up to {@link #threads()} contiguous chunks. */
  public static void forRange(int n, RangeBody body) {
    forChunks(n, (chunk, from, to) -> body.run(from, to));
  }

  /**
   * Runs {@code body} over {@code [0, n)} in {@link #chunks(int)} contiguous chunks, numbered from
   * 0, so that each chunk can use its own buffers; chunk 0 runs on the caller.
   */
  public static void forChunks(int n, ChunkBody body) {
    int chunks = chunks(n);
    if (chunks <= 1) {
      body.run(0, 0, n);
      return;
    }
    if (!BUSY.compareAndSet(false, true)) {
      runInline(n, chunks, body);
      return;
    }
    try {
      Worker[] pool = workers(chunks - 1);
      for (int i = 1; i < chunks; i++) {
        pool[i - 1].post(body, i, chunkStart(n, chunks, i), chunkStart(n, chunks, i + 1));
      }
      Throwable failure = null;
      try {
        body.run(0, 0, chunkStart(n, chunks, 1));
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      for (int i = 1; i < chunks; i++) {
        Throwable t = pool[i - 1].await();
        failure = failure == null ? t : failure;
      }
      rethrow(failure);
    } finally {
      BUSY.set(false);
    }
  }

  private static void runInline(int n, int chunks, ChunkBody body) {
    for (int i = 0; i < chunks; i++) {
      body.run(i, chunkStart(n, chunks, i), chunkStart(n, chunks, i + 1));
    }
  }

  /** At least {@code count} started workers; called with {@link #BUSY} held. */
  private static Worker[] workers(int count) {
    if (workers.length < count) {
      Worker[] grown = java.util.Arrays.copyOf(workers, count);
      for (int i = workers.length; i < count; i++) {
        grown[i] = new Worker(i + 1);
        grown[i].start();
      }
      workers = grown;
    }
    return workers;
  }

  private static void rethrow(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }
}
