package dev.jconv.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The temporary files of atomic writes: {@code .<target name>.<random base-36>.tmp} next to the
 * target, each locked by its writer while it is being written. A writer that is killed leaves its
 * file behind but loses its lock (the operating system releases it), so a later write to the same
 * target can tell such a stale file from one that another process is still writing.
 */
final class TempFiles {
  /** The random part: an unsigned long in base 36, so 1 to 13 lower-case letters and digits. */
  private static final Pattern RANDOM = Pattern.compile("[0-9a-z]{1,13}");

  /**
   * Temporary files this JVM is writing now. They are never opened by the clean-up: closing any
   * channel to a file would release this process's lock on it (POSIX lock semantics).
   */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  private TempFiles() {}

  /** A new, locked temporary file for {@code target}; release it with {@link Temp#close}. */
  static Temp create(Path target) throws IOException {
    Path directory = target.getParent();
    String name = target.getFileName().toString();
    while (true) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path temp = directory.resolve("." + name + "." + suffix + ".tmp");
      if (!WRITING.add(temp)) {
        continue;
      }
      FileChannel channel;
      try {
        // CREATE_NEW with default permissions, unlike createTempFile's owner-only ones, so the
        // renamed file gets the same permissions as any other file the user creates.
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        WRITING.remove(temp);
        continue;
      } catch (IOException | RuntimeException e) {
        WRITING.remove(temp);
        throw e;
      }
      boolean taken;
      try {
        taken = channel.tryLock() != null;
      } catch (IOException | RuntimeException e) {
        // A file system without locks still gets atomic writes; only the clean-up cannot tell this
        // file from a stale one, which the random name keeps from mattering in practice.
        taken = true;
      }
      if (!taken) {
        // Another process's clean-up took the file for stale between its creation and now, and is
        // deleting it: take another name.
        channel.close();
        WRITING.remove(temp);
        continue;
      }
      return new Temp(temp, channel);
    }
  }

  /**
   * Deletes the temporary files that writes to {@code target} left behind: files named by exactly
   * our pattern, not written by this JVM and not locked by another process. Anything else in the
   * directory is left alone, and failures only mean that a file stays.
   *
   * @return how many files were deleted
   */
  static int removeStale(Path target) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || absolute.getFileName() == null) {
      return 0;
    }
    String prefix = "." + absolute.getFileName() + ".";
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path p : entries) {
        if (isOurs(p.getFileName().toString(), prefix)
            && !WRITING.contains(p)
            && removeIfStale(p)) {
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The directory is missing or unreadable; the write that follows reports that if it matters.
    }
    return removed;
  }

  static boolean isOurs(String name, String prefix) {
    return name.startsWith(prefix)
        && name.endsWith(".tmp")
        && name.length() > prefix.length() + 4
        && RANDOM.matcher(name.substring(prefix.length(), name.length() - 4)).matches();
  }

  private static boolean removeIfStale(Path p) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        return false;
      }
      try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          return false; // another process is writing it
        }
        Files.delete(p);
        return true;
      }
    } catch (OverlappingFileLockException e) {
      return false; // locked through another channel of this JVM
    } catch (NoSuchFileException e) {
      return false; // its writer renamed or deleted it meanwhile
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A temporary file being written: its path and its open, locked channel. */
  static final class Temp implements AutoCloseable {
    final Path path;
    final FileChannel channel;

    private Temp(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    /** Closes the channel (releasing the lock) and forgets the file. */
    @Override
    public void close() throws IOException {
      try {
        channel.close();
      } finally {
        WRITING.remove(path);
      }
    }
  }
}
