package dev.jconv.processor.simd;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jconv.Layer;
import dev.jconv.Model;
import dev.jconv.Param;
import dev.jconv.processor.JconvProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.JavaFileObject;

/** Networks compiled in memory by the processor, loaded and run. */
final class Compiled {
  private final Compilation compilation;
  private final ClassLoader loader;

  private Compiled(Compilation compilation) {
    this.compilation = compilation;
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : compilation.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        String name = path.substring(path.indexOf("/test/") + 1, path.length() - 6);
        try (InputStream in = f.openInputStream()) {
          classes.put(name.replace('/', '.'), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    this.loader =
        new ClassLoader(Compiled.class.getClassLoader()) {
          @Override
          protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
              throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
          }
        };
  }

  /**
   * Compiles the sources ({@code name -> body lines}, package {@code test}) with the processor;
   * {@code vectorModule} adds {@code --add-modules jdk.incubator.vector}.
   */
  static Compiled compile(Map<String, List<String>> sources, boolean vectorModule, String... opts) {
    List<String> options = new ArrayList<>(List.of(opts));
    if (vectorModule) {
      options.add("--add-modules");
      options.add("jdk.incubator.vector");
    }
    List<JavaFileObject> files = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : sources.entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add("package test;");
      lines.add("import dev.jconv.*;");
      lines.add("import static dev.jconv.Activation.Fn.*;");
      lines.add("import static dev.jconv.Padding.*;");
      lines.addAll(e.getValue());
      files.add(JavaFileObjects.forSourceLines("test." + e.getKey(), lines));
    }
    Compilation c =
        javac().withProcessors(new JconvProcessor()).withOptions(options).compile(files);
    assertThat(c).succeeded();
    return new Compiled(c);
  }

  Compilation compilation() {
    return compilation;
  }

  /** A new model of {@code test.<name>Model} with seed 1 and all weights random in [-0.5, 0.5]. */
  Model model(String name) {
    try {
      Model m =
          (Model)
              loader.loadClass("test." + name + "Model").getConstructor(long.class).newInstance(1L);
      Random random = new Random(name.hashCode());
      float[] w = m.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextFloat() - 0.5f;
      }
      for (Layer layer : m.layers()) {
        for (Param p : layer.params()) {
          if (p.kind().equals("moving_variance")) {
            for (int i = p.offset(); i < p.offset() + p.size(); i++) {
              w[i] = Math.abs(w[i]) + 0.5f;
            }
          }
        }
      }
      return m;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
