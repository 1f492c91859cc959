package dev.jconv.processor.random;

import dev.jconv.processor.JconvProcessor;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Many declarations through the whole jconv processor in one javac task, in memory, with every
 * generated model compiled too.
 *
 * <p>javac normally stops after annotation processing when a processor reported an error, so one
 * invalid declaration would keep every generated model of its batch from being compiled. With
 * {@code -XDshould-stop.ifError=FLOW} it goes on: the generated sources are parsed, attributed and
 * flow-checked (every error a user would see from javac, except those of bytecode generation, such
 * as "code too large") while the processor's errors on the invalid declarations stand. Each
 * declaration gets its own package, so the generated models cannot see one another. Class files are
 * not written (there are none after an error); generated sources are kept in memory for failure
 * messages.
 */
final class BatchCompiler {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  /** One compilation unit: its package and source text. */
  record Unit(String packageName, String className, String source) {}

  /** The outcome of one batch: every diagnostic and every generated source. */
  record Result(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, List<Generated> generated) {}

  /** A source file the processor generated. */
  record Generated(String path, String text) {}

  private BatchCompiler() {}

  /** Compiles {@code units} with the jconv processor and {@code options}. */
  static Result compile(List<Unit> units, List<String> options) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Unit u : units) {
      files.add(
          new Memory(
              u.packageName().replace('.', '/') + "/" + u.className() + ".java",
              JavaFileObject.Kind.SOURCE,
              u.source()));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> all = new ArrayList<>(options);
    all.addAll(
        List.of(
            "-XDshould-stop.ifError=FLOW", "-Xmaxerrs", "1000000", "-Xmaxwarns", "0", "-nowarn"));
    try (Files manager = new Files(JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, null))) {
      JavaCompiler.CompilationTask task =
          JAVAC.getTask(null, manager, diagnostics, all, null, files);
      task.setProcessors(List.of(new JconvProcessor()));
      task.setLocale(Locale.ROOT);
      task.call();
      List<Generated> generated = new ArrayList<>();
      for (Memory m : manager.outputs) {
        if (m.getKind() == JavaFileObject.Kind.SOURCE) {
          generated.add(new Generated(m.toUri().getPath(), m.text()));
        }
      }
      return new Result(diagnostics.getDiagnostics(), generated);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A file in memory: a source given as text, or an output written by javac or the Filer. */
  private static final class Memory extends SimpleJavaFileObject {
    private final String text;
    private StringWriter written;

    Memory(String path, Kind kind, String text) {
      super(URI.create("mem:///" + path), kind);
      this.text = text;
    }

    String text() {
      return text != null ? text : written == null ? "" : written.toString();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text();
    }

    @Override
    public Writer openWriter() {
      written = new StringWriter();
      return written;
    }

    @Override
    public OutputStream openOutputStream() {
      return OutputStream.nullOutputStream(); // class files: not needed
    }
  }

  /** The standard file manager, with the processor's and javac's outputs kept in memory. */
  private static final class Files extends ForwardingJavaFileManager<StandardJavaFileManager> {
    final List<Memory> outputs = new ArrayList<>();

    Files(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public boolean hasLocation(Location location) {
      return location == StandardLocation.SOURCE_OUTPUT
          || location == StandardLocation.CLASS_OUTPUT
          || super.hasLocation(location);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      Memory m = new Memory(className.replace('.', '/') + kind.extension, kind, null);
      synchronized (outputs) {
        outputs.add(m);
      }
      return m;
    }

    @Override
    public FileObject getFileForOutput(
        Location location, String packageName, String relativeName, FileObject sibling) {
      String path = packageName.replace('.', '/') + "/" + relativeName;
      Memory m = new Memory(path, JavaFileObject.Kind.OTHER, null);
      outputs.add(m);
      return m;
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return a.equals(b);
    }
  }
}
