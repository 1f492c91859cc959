package dev.jconv.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
   * @throws IllegalArgumentException on duplicate tensor names or the reserved name {@code
   *     __metadata__}, before anything is written
   */
  public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    byte[] header = HeaderWriter.write(tensors, metadata);
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new NoSuchFileException(file.toString(), null, "the directory does not exist");
    }
    Path temp = writeTemp(directory, target.getFileName().toString(), header, tensors);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Throwable e) {
      deleteAfterFailure(temp, e);
      throw e;
    }
    syncDirectory(directory);
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

  /** Creates a fresh hidden temporary file next to the target and writes the whole file to it. */
  private static Path writeTemp(Path directory, String name, byte[] header, List<Tensor> tensors)
      throws IOException {
    while (true) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path temp = directory.resolve("." + name + "." + suffix + ".tmp");
      FileChannel channel;
      try {
        // CREATE_NEW with default permissions, unlike createTempFile's owner-only ones, so the
        // renamed file gets the same permissions as any other file the user creates.
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      try (channel) {
        writeContents(channel, header, tensors);
        channel.force(true);
      } catch (Throwable e) {
        deleteAfterFailure(temp, e);
        throw e;
      }
      return temp;
    }
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
