package dev.jconv.processor.reference;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.Model;
import dev.jconv.processor.JconvProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles test networks in memory with the jconv processor (compile-testing) and loads the
 * generated classes through a small class loader whose parent is the test's, so the models share
 * the runtime's {@code dev.jconv} types with the test.
 */
final class GeneratedModels {
  private final Compilation compilation;
  private final ClassLoader loader;

  private GeneratedModels(Compilation compilation, ClassLoader loader) {
    this.compilation = compilation;
    this.loader = loader;
  }

  /** Compiles every network in one javac run; fails with the diagnostics and the sources. */
  static GeneratedModels compile(List<NetDef> nets, String... options) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (NetDef net : nets) {
      sources.add(JavaFileObjects.forSourceString(net.qualifiedName(), net.source()));
    }
    Compilation c =
        javac()
            .withProcessors(new JconvProcessor())
            .withOptions((Object[]) options)
            .compile(sources);
    if (c.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError(describeFailure(c, nets));
    }
    return new GeneratedModels(c, new BytesLoader(classFiles(c), GeneratedModels.class));
  }

  /**
   * Compiles {@code sources} (the source text of each of {@code nets}, as written rather than as
   * {@link NetDef#source()} renders it) in one javac run; fails with the diagnostics and sources.
   */
  static GeneratedModels compileSources(
      List<NetDef> nets, List<String> sources, String... options) {
    List<JavaFileObject> files = new ArrayList<>();
    for (int i = 0; i < nets.size(); i++) {
      files.add(JavaFileObjects.forSourceString(nets.get(i).qualifiedName(), sources.get(i)));
    }
    Compilation c =
        javac().withProcessors(new JconvProcessor()).withOptions((Object[]) options).compile(files);
    if (c.status() != Compilation.Status.SUCCESS) {
      StringBuilder s = new StringBuilder("the processor rejected a test network:\n");
      for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          s.append(d.getSource() == null ? "?" : d.getSource().getName());
          s.append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(null));
          s.append('\n');
        }
      }
      throw new AssertionError(s + String.join("\n\n", sources));
    }
    return new GeneratedModels(c, new BytesLoader(classFiles(c), GeneratedModels.class));
  }

  /** Whether the processor accepts {@code net} on its own (for diagnosing a failed batch). */
  static Compilation tryCompile(NetDef net, String... options) {
    return javac()
        .withProcessors(new JconvProcessor())
        .withOptions((Object[]) options)
        .compile(JavaFileObjects.forSourceString(net.qualifiedName(), net.source()));
  }

  /** A new {@code <Name>Model(seed)}. */
  Model newModel(NetDef net, long seed) {
    try {
      Class<?> type = loader.loadClass(net.qualifiedName() + "Model");
      return (Model) type.getConstructor(long.class).newInstance(seed);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate the model of " + net.qualifiedName(), e);
    }
  }

  /** The generated source of {@code net}'s model, for failure messages. */
  String generatedSource(NetDef net) {
    return compilation
        .generatedSourceFile(net.qualifiedName() + "Model")
        .map(
            f -> {
              try {
                return f.getCharContent(true).toString();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElse("(no generated source)");
  }

  private static String describeFailure(Compilation c, List<NetDef> nets) {
    StringBuilder s = new StringBuilder("the processor rejected a test network:\n");
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        String file = d.getSource() == null ? "?" : d.getSource().getName();
        s.append(file).append(':').append(d.getLineNumber()).append(": ");
        s.append(d.getMessage(null)).append('\n');
      }
    }
    for (NetDef net : nets) {
      if (tryCompile(net).status() != Compilation.Status.SUCCESS) {
        s.append("\n").append(net.qualifiedName()).append(":\n").append(net.numberedSource());
      }
    }
    return s.toString();
  }

  private static Map<String, byte[]> classFiles(Compilation c) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // compile-testing names outputs mem:///CLASS_OUTPUT/<package path>/<Name>.class
      String path = f.toUri().getPath();
      String relative = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length());
      String binaryName =
          relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(binaryName, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return classes;
  }

  /** Defines the compiled classes from their bytes; everything else comes from the parent. */
  private static final class BytesLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    BytesLoader(Map<String, byte[]> classes, Class<?> anchor) {
      super(anchor.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
