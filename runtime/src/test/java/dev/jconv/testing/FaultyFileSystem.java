package dev.jconv.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The default file system with faults on demand: a disk that fills up after a byte budget, a rename
 * that fails, or a write that blocks for ever (so that another process can kill the writer at a
 * known point). Every operation goes to the real files; paths of this file system wrap real paths,
 * so code under test runs its ordinary {@code Files} and {@code FileChannel} calls.
 */
public final class FaultyFileSystem extends FileSystem {
  private final FileSystem base = FileSystems.getDefault();
  private final Provider provider = new Provider();
  private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean failMoves;
  private volatile boolean readOnly;
  private volatile boolean blockInsteadOfFailing;
  private volatile boolean interruptInsteadOfFailing;
  private final CountDownLatch blocked = new CountDownLatch(1);

  /** This file system's view of a real path. */
  public Path wrap(Path real) {
    return new FaultyPath(this, real);
  }

  /** Writes fail with "No space left on device" once {@code bytes} more bytes have been written. */
  public FaultyFileSystem diskFullAfter(long bytes) {
    budget.set(bytes);
    return this;
  }

  /** Renames (moves) fail with an I/O error. */
  public FaultyFileSystem failMoves() {
    failMoves = true;
    return this;
  }

  /** Opening a file for writing fails with "Permission denied", as for any user, root included. */
  public FaultyFileSystem readOnly() {
    readOnly = true;
    return this;
  }

  /** When the budget runs out, the writing thread blocks for ever instead of failing. */
  public FaultyFileSystem blockWhenFull() {
    blockInsteadOfFailing = true;
    return this;
  }

  /**
   * When the budget runs out, the writing thread is interrupted and the write goes on, so the real
   * channel fails as an interrupted one does ({@code ClosedByInterruptException}).
   */
  public FaultyFileSystem interruptWhenFull() {
    interruptInsteadOfFailing = true;
    return this;
  }

  /** Waits until a writer has blocked (see {@link #blockWhenFull}). */
  public void awaitBlocked() throws InterruptedException {
    blocked.await();
  }

  static Path unwrap(Path p) {
    if (p instanceof FaultyPath f) {
      return f.real;
    }
    throw new java.nio.file.ProviderMismatchException(
        p + " is not a path of the faulty file system");
  }

  /** Takes {@code n} bytes from the budget, or fails as a full disk does. */
  void spend(int n) throws IOException {
    if (budget.addAndGet(-n) >= 0) {
      return;
    }
    budget.addAndGet(n);
    if (interruptInsteadOfFailing) {
      Thread.currentThread().interrupt();
      return;
    }
    if (blockInsteadOfFailing) {
      blocked.countDown();
      while (true) {
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          // Keep blocking: this simulates a writer that only a kill ends.
        }
      }
    }
    throw new IOException("No space left on device");
  }

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public String getSeparator() {
    return base.getSeparator();
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return () -> wrapAll(base.getRootDirectories().iterator());
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return base.getFileStores();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return base.supportedFileAttributeViews();
  }

  @Override
  public Path getPath(String first, String... more) {
    return wrap(base.getPath(first, more));
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher m = base.getPathMatcher(syntaxAndPattern);
    return p -> m.matches(unwrap(p));
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    return base.getUserPrincipalLookupService();
  }

  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException();
  }

  private Iterator<Path> wrapAll(Iterator<Path> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Path next() {
        return wrap(it.next());
      }
    };
  }

  /** Delegates to the default provider, unwrapping paths, with the faults on channels and moves. */
  private final class Provider extends FileSystemProvider {
    private FileSystemProvider real() {
      return base.provider();
    }

    @Override
    public String getScheme() {
      return "faulty";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      return FaultyFileSystem.this;
    }

    @Override
    public Path getPath(URI uri) {
      return wrap(real().getPath(uri));
    }

    @Override
    public FileChannel newFileChannel(
        Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      if (readOnly
          && (options.contains(java.nio.file.StandardOpenOption.WRITE)
              || options.contains(java.nio.file.StandardOpenOption.APPEND))) {
        throw new java.nio.file.AccessDeniedException(path.toString());
      }
      return new FaultyChannel(
          real().newFileChannel(unwrap(path), options, attrs), FaultyFileSystem.this);
    }

    @Override
    public SeekableByteChannel newByteChannel(
        Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      return newFileChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(
        Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
      DirectoryStream<Path> s = real().newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
      return new DirectoryStream<>() {
        @Override
        public Iterator<Path> iterator() {
          return wrapAll(s.iterator());
        }

        @Override
        public void close() throws IOException {
          s.close();
        }
      };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
      if (readOnly) {
        throw new java.nio.file.AccessDeniedException(dir.toString());
      }
      real().createDirectory(unwrap(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
      real().delete(unwrap(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
      real().copy(unwrap(source), unwrap(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
      if (failMoves) {
        throw new IOException("Input/output error (injected rename failure)");
      }
      real().move(unwrap(source), unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
      return real().isSameFile(unwrap(path), unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
      return real().isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
      return real().getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
      real().checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(
        Path path, Class<V> type, LinkOption... options) {
      return real().getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(
        Path path, Class<A> type, LinkOption... options) throws IOException {
      return real().readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
        throws IOException {
      return real().readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
        throws IOException {
      real().setAttribute(unwrap(path), attribute, value, options);
    }
  }
}
