package dev.jconv.parallel;

import java.util.concurrent.locks.LockSupport;

/**
 * One persistent daemon thread of {@link Parallel}: it waits for a chunk, runs it and reports back
 * without allocating. Hand-over is a volatile counter pair; both sides spin briefly (a chunk of a
 * training step follows the last one within microseconds) and then park, so an idle pool costs
 * nothing. The fields are padded so that two workers' counters never share a cache line.
 */
final class Worker extends Thread {
  /** How often a side polls before it parks: tens of microseconds of spinning. */
  static final int SPINS = 1 << 14;

  // Padding on both sides of the hot fields: two workers' counters never share a cache line.
  @SuppressWarnings("unused")
  private long p0, p1, p2, p3, p4, p5, p6, p7;

  private volatile long posted;
  private volatile long finished;
  private volatile boolean parked;
  private Parallel.ChunkBody body;
  private int chunk;
  private int from;
  private int to;
  private Thread caller;
  private Throwable failure;

  @SuppressWarnings("unused")
  private long q0, q1, q2, q3, q4, q5, q6, q7;

  Worker(int id) {
    super("jconv-worker-" + id);
    setDaemon(true);
  }

  /** Hands this worker chunk {@code chunk} = {@code [from, to)} of {@code body}. */
  void post(Parallel.ChunkBody body, int chunk, int from, int to) {
    this.body = body;
    this.chunk = chunk;
    this.from = from;
    this.to = to;
    this.caller = Thread.currentThread();
    this.failure = null;
    posted = posted + 1; // volatile write publishes the fields above
    if (parked) {
      LockSupport.unpark(this);
    }
  }

  /** Waits until the posted chunk has run; returns its failure, or null. */
  Throwable await() {
    long target = posted;
    for (int i = 0; finished != target; i++) {
      if (i < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(this, 50_000L);
      }
    }
    return failure;
  }

  @Override
  public void run() {
    long seen = 0;
    while (true) {
      seen = waitForWork(seen);
      try {
        body.run(chunk, from, to);
      } catch (Throwable t) {
        failure = t;
      }
      body = null;
      Thread waiting = caller;
      finished = seen; // volatile write publishes failure
      LockSupport.unpark(waiting);
    }
  }

  private long waitForWork(long seen) {
    for (int i = 0; posted == seen; i++) {
      if (i < SPINS) {
        Thread.onSpinWait();
      } else {
        parked = true;
        if (posted == seen) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
    return posted;
  }
}
