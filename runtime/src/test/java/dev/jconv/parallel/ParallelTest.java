package dev.jconv.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
  private int saved;

  @BeforeEach
  void threads() {
    saved = Parallel.threads();
    Parallel.setThreads(3);
  }

  @AfterEach
  void restore() {
    Parallel.setThreads(saved);
  }

  @Test
  void everyExampleRunsOnceInItsChunk() {
    for (int n : new int[] {1, 2, 3, 7, 64, 1000}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(n);
      int[] chunkOf = new int[n];
      for (int rep = 0; rep < 50; rep++) {
        Parallel.forChunks(
            n,
            (chunk, from, to) -> {
              for (int e = from; e < to; e++) {
                seen.incrementAndGet(e);
                chunkOf[e] = chunk;
              }
            });
      }
      int chunks = Parallel.chunks(n);
      for (int e = 0; e < n; e++) {
        assertEquals(50, seen.get(e), "example " + e + " of " + n);
        int c = chunkOf[e];
        assertEquals(true, Parallel.chunkStart(n, chunks, c) <= e);
        assertEquals(true, e < Parallel.chunkStart(n, chunks, c + 1));
      }
    }
  }

  @Test
  void aWorkerFailureReachesTheCaller() {
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forChunks(
                    9,
                    (chunk, from, to) -> {
                      if (chunk == 2) {
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
    int[] sum = new int[1];
    Parallel.forChunks(9, (chunk, from, to) -> addAll(sum, to - from));
    assertEquals(9, sum[0], "the pool still works after a failure");
  }

  @Test
  void nestedAndConcurrentCallsRunEveryChunk() throws InterruptedException {
    int[] inner = new int[3 * 10];
    Parallel.forChunks(
        3,
        (outer, f, t) ->
            Parallel.forChunks(
                10,
                (chunk, from, to) -> {
                  for (int e = from; e < to; e++) {
                    inner[outer * 10 + e]++;
                  }
                }));
    int[] ones = new int[30];
    java.util.Arrays.fill(ones, 1);
    assertArrayEquals(ones, inner);
    int[][] results = new int[4][100];
    Thread[] callers = new Thread[4];
    for (int c = 0; c < 4; c++) {
      int[] r = results[c];
      callers[c] =
          new Thread(
              () -> {
                for (int rep = 0; rep < 200; rep++) {
                  Parallel.forRange(100, (from, to) -> bump(r, from, to));
                }
              });
      callers[c].start();
    }
    for (Thread t : callers) {
      t.join();
    }
    for (int[] r : results) {
      for (int v : r) {
        assertEquals(200, v);
      }
    }
  }

  @Test
  void repeatedCallsReuseTheSameWorkers() {
    for (int rep = 0; rep < 1000; rep++) {
      Parallel.forChunks(6, (chunk, from, to) -> {});
    }
    long workers =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("jconv-worker-"))
            .count();
    assertEquals(true, workers <= 2, "workers: " + workers);
  }

  private static synchronized void addAll(int[] sum, int k) {
    sum[0] += k;
  }

  private static void bump(int[] r, int from, int to) {
    for (int e = from; e < to; e++) {
      r[e]++;
    }
  }
}
