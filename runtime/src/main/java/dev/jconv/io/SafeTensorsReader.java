package dev.jconv.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An open safetensors file whose header has been parsed and fully validated: every tensor's dtype,
 * shape and byte range, and the ranges tiling the data section exactly. Tensor data is then read on
 * demand, in bounded chunks, straight into the caller's float array, so reading a large model never
 * holds the file's bytes in memory. Not safe for concurrent use.
 */
public final class SafeTensorsReader implements Closeable {
  /** Chunk size for reads: a multiple of every dtype size. */
  private static final int CHUNK = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final Header header;
  private final Map<String, TensorInfo> byName = new LinkedHashMap<>();
  private ByteBuffer chunk;

  private SafeTensorsReader(Path file, FileChannel channel, long dataStart, Header header) {
    this.file = file;
    this.channel = channel;
    this.dataStart = dataStart;
    this.header = header;
    for (TensorInfo t : header.tensors()) {
      byName.put(t.name(), t);
    }
  }

  /**
   * Opens {@code file} and validates its header and layout; nothing of the data is read yet.
   *
   * @throws SafeTensorsException if the file is not valid safetensors or holds a dtype other than
   *     F32, F16, BF16 or F64
   */
  public static SafeTensorsReader open(Path file) throws IOException {
    FileChannel channel = openFile(file);
    try {
      long size = channel.size();
      String name = file.toString();
      if (size < Long.BYTES) {
        throw new SafeTensorsException(
            name
                + ": file is "
                + size
                + " bytes, too short for safetensors (it starts with an 8-byte header length)");
      }
      long headerLength = readFully(channel, Long.BYTES, 0, name).getLong(0);
      long available = size - Long.BYTES;
      if (headerLength < 2 || headerLength > Header.MAX_LENGTH) {
        throw new SafeTensorsException(
            name
                + ": header length "
                + Long.toUnsignedString(headerLength)
                + " is not in [2, "
                + Header.MAX_LENGTH
                + "]: not a safetensors file?");
      }
      if (headerLength > available) {
        throw new SafeTensorsException(
            name
                + ": header length "
                + headerLength
                + " is larger than the file: only "
                + available
                + " bytes follow the 8-byte length");
      }
      ByteBuffer bytes = readFully(channel, (int) headerLength, Long.BYTES, name);
      Header header = HeaderParser.parse(name, utf8(bytes, name));
      long dataStart = Long.BYTES + headerLength;
      header.checkLayout(name, size - dataStart, headerLength);
      return new SafeTensorsReader(file, channel, dataStart, header);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Opens {@code file} for reading, with errors that name it and say what is wrong. */
  private static FileChannel openFile(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new SafeTensorsException(file + " is a directory, not a safetensors file");
    }
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  /** The file this reader reads. */
  public Path file() {
    return file;
  }

  /** The tensors in header order. */
  public List<TensorInfo> tensors() {
    return header.tensors();
  }

  /** The {@code __metadata__} strings (empty if the file has none). */
  public Map<String, String> metadata() {
    return header.metadata();
  }

  /** The tensor called {@code name}, or null if the file has none. */
  public TensorInfo tensor(String name) {
    return byName.get(name);
  }

  /** Reads tensor {@code name} into a new array, converted to float. */
  public float[] read(String name) throws IOException {
    TensorInfo t = require(name);
    long count = t.elementCount();
    if (count > Integer.MAX_VALUE - 8) {
      throw new SafeTensorsException(
          file
              + ": tensor '"
              + name
              + "' has "
              + count
              + " elements, more than a Java array holds");
    }
    float[] out = new float[(int) count];
    readInto(name, out, 0);
    return out;
  }

  /**
   * Reads tensor {@code name} into {@code dst[offset, offset + elementCount)}, converted to float.
   * On an I/O error part of that range may have been written.
   */
  public void readInto(String name, float[] dst, int offset) throws IOException {
    TensorInfo t = require(name);
    if (offset < 0 || offset + t.elementCount() > dst.length) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "' has "
              + t.elementCount()
              + " elements; they do not fit an array of "
              + dst.length
              + " from offset "
              + offset);
    }
    if (chunk == null) {
      chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    }
    long position = dataStart + t.begin();
    long remaining = t.byteCount();
    int at = offset;
    while (remaining > 0) {
      int n = (int) Math.min(remaining, CHUNK);
      chunk.clear().limit(n);
      fill(channel, chunk, position, file.toString());
      chunk.flip();
      int elements = n / t.dtype().size();
      t.dtype().decode(chunk, dst, at, elements);
      at += elements;
      position += n;
      remaining -= n;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private TensorInfo require(String name) {
    TensorInfo t = byName.get(name);
    if (t == null) {
      throw new NoSuchElementException(
          file + " has no tensor '" + name + "'; it has " + byName.keySet());
    }
    return t;
  }

  private static ByteBuffer readFully(FileChannel channel, int length, long position, String name)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    fill(channel, buffer, position, name);
    return buffer.flip();
  }

  private static void fill(FileChannel channel, ByteBuffer buffer, long position, String name)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new SafeTensorsException(
            name + ": file ended at byte " + at + " (did it change while being read?)");
      }
      at += read;
    }
  }

  private static String utf8(ByteBuffer bytes, String name) throws SafeTensorsException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new SafeTensorsException(name + ": the header is not valid UTF-8 (" + e + ")");
    }
  }
}
