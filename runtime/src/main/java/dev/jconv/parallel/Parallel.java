package dev.jconv.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a range of examples over the machine's cores: the caller runs the first chunk, a shared
 * pool of daemon threads the others. The thread count defaults to the available processors and can
 * be set with {@code -Djconv.threads=N} or {@link #setThreads(int)}.
 */
public final class Parallel {
  /** Work on examples {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    /** Processes examples {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int from, int to);
  }

  private static final AtomicInteger THREAD_IDS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "jconv-worker-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
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

  /** Work on examples {@code [from, to)} as chunk number {@code chunk}. */
  @FunctionalInterface
  public interface ChunkBody {
    /** Processes examples {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int chunk, int from, int to);
  }

  /** How many chunks {@link #forChunks} splits {@code n} examples into. */
  public static int chunks(int n) {
    return Math.max(1, Math.min(threads, n));
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
    @SuppressWarnings("unchecked")
    Future<?>[] futures = new Future<?>[chunks - 1];
    for (int i = 1; i < chunks; i++) {
      int from = (int) ((long) n * i / chunks);
      int to = (int) ((long) n * (i + 1) / chunks);
      int chunk = i;
      futures[i - 1] = POOL.submit(() -> body.run(chunk, from, to));
    }
    RuntimeException failure = null;
    try {
      body.run(0, 0, (int) ((long) n / chunks));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for workers", e);
      } catch (ExecutionException e) {
        if (failure == null) {
          failure =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
