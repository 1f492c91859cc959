package dev.jconv.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes safetensors files (https://github.com/huggingface/safetensors): an 8-byte
 * little-endian header length N, N bytes of UTF-8 JSON naming each tensor's dtype, shape and byte
 * range, then the raw little-endian data. Writes are atomic: a crash or error never leaves a
 * partial file at the target.
 */
public final class SafeTensors {
  /** Bytes staged per write call: large enough for throughput, small next to any model. */
  private static final int CHUNK = 1 << 20;

  private SafeTensors() {}

  /**
   * Writes {@code tensors} as F32, in the order given, with {@code metadata} as {@code
   * __metadata__}. The data goes to a temporary file in the same directory, is forced to disk, and
   * then atomically renamed over {@code file}: readers see the old file or the complete new one,
   * never a truncated one. On failure the temporary file is deleted and {@code file} is untouched.
   *
   * <p>Temporary files that earlier writes to the same target left behind when their process was
   * killed are deleted first (see {@link #removeStaleTemporaries}).
   *
   * @throws IllegalArgumentException on duplicate tensor names or the reserved name {@code
   *     __metadata__}, before anything is written
   * @throws AtomicWriteException naming the file and the reason when the write fails (a full disk,
   *     no permission, a failed rename); {@code java.nio.channels.ClosedByInterruptException} when
   *     the thread was interrupted. Either way the target and its directory are as they were.
   */
  public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    byte[] header = HeaderWriter.write(tensors, metadata);
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new NoSuchFileException(file.toString(), null, "the directory does not exist");
    }
    boolean existed = Files.exists(target);
    TempFiles.removeStale(target);
    try {
      writeAndRename(target, header, tensors);
    } catch (ClosedByInterruptException e) {
      throw e; // callers tell an interrupt from a failure by its type
    } catch (IOException e) {
      throw new AtomicWriteException(file.toString(), reason(e), existed, e);
    }
    syncDirectory(directory);
  }

  /**
   * Deletes the temporary files that earlier writes to {@code target} left behind when their
   * process was killed (named {@code .<target name>.<random>.tmp}, not locked by a live writer).
   * Every write does this for its own target; call it to reclaim the space sooner.
   *
   * @return how many files were deleted
   */
  public static int removeStaleTemporaries(Path target) {
    return TempFiles.removeStale(target);
  }

  /** Reads every tensor of {@code file}, converted to float, keyed by name in header order. */
  public static Map<String, Tensor> read(Path file) throws IOException {
    try (SafeTensorsReader reader = SafeTensorsReader.open(file)) {
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (TensorInfo t : reader.tensors()) {
        out.put(t.name(), Tensor.of(t.name(), t.shape(), reader.read(t.name())));
      }
      return out;
    }
  }

  /** Opens {@code file} and validates its header; see {@link SafeTensorsReader}. */
  public static SafeTensorsReader open(Path file) throws IOException {
    return SafeTensorsReader.open(file);
  }

  /**
   * Writes the whole file to a fresh, locked temporary file next to the target, forces it to disk
   * and renames it over the target; the lock is held until the rename is done.
   */
  private static void writeAndRename(Path target, byte[] header, List<Tensor> tensors)
      throws IOException {
    TempFiles.Temp temp = TempFiles.create(target);
    try {
      writeContents(temp.channel, header, tensors);
      temp.channel.force(true);
      Files.move(
          temp.path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Throwable e) {
      closeAfterFailure(temp, e);
      deleteAfterFailure(temp.path, e);
      throw e;
    }
    try {
      temp.close();
    } catch (IOException e) {
      // The data was forced and renamed; failing to release the lock changes nothing on disk.
    }
  }

  private static void closeAfterFailure(TempFiles.Temp temp, Throwable failure) {
    try {
      temp.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static void deleteAfterFailure(Path temp, Throwable failure) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static void writeContents(FileChannel channel, byte[] header, List<Tensor> tensors)
      throws IOException {
    ByteBuffer length = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    writeFully(channel, length.putLong(header.length).flip());
    writeFully(channel, ByteBuffer.wrap(header));
    ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    int floatsPerChunk = CHUNK / Float.BYTES;
    for (Tensor t : tensors) {
      float[] data = t.data();
      int end = t.offset() + t.size();
      for (int at = t.offset(); at < end; at += floatsPerChunk) {
        int n = Math.min(floatsPerChunk, end - at);
        chunk.clear();
        chunk.asFloatBuffer().put(data, at, n);
        chunk.limit(n * Float.BYTES);
        writeFully(channel, chunk);
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * Makes the rename itself durable. Best effort: some platforms (Windows) cannot open a directory
   * for syncing, and the file is already complete either way.
   */
  private static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // The rename happened; only its durability across a power cut is not guaranteed here.
    }
  }
}
