package dev.jconv.processor.diag;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;

/**
 * One expected diagnostic, in the fixed shape of an error test: message, file, line, and the column
 * of the attribute it must sit on.
 *
 * <pre>
 * Expect.error(c, "[jconv.kernel-too-large] 'conv1' (Conv2D): kernel 7x7")
 *     .containing("(None, 4, 4, 1)", "use padding = SAME")
 *     .in(source)
 *     .at("kernelSize = 7", "7");
 * </pre>
 *
 * The first text is matched by compile-testing's {@code had...Containing(...).inFile(...)
 * .onLineContaining(...)}; all texts must occur in the same diagnostic.
 */
final class Expect {
  private final Compilation compilation;
  private final Kind kind;
  private final List<String> parts = new ArrayList<>();
  private JavaFileObject file;

  private Expect(Compilation compilation, Kind kind, String message) {
    this.compilation = compilation;
    this.kind = kind;
    this.parts.add(message);
  }

  /** An error whose message contains {@code message} (start it with the bracketed id). */
  static Expect error(Compilation c, String message) {
    return new Expect(c, Kind.ERROR, message);
  }

  /** A warning whose message contains {@code message}. */
  static Expect warning(Compilation c, String message) {
    return new Expect(c, Kind.WARNING, message);
  }

  /** A note whose message contains {@code message}. */
  static Expect note(Compilation c, String message) {
    return new Expect(c, Kind.NOTE, message);
  }

  /** Further texts the same message must contain: names, shapes, the fix. */
  Expect containing(String... more) {
    parts.addAll(List.of(more));
    return this;
  }

  /** The file the diagnostic must be reported in. */
  Expect in(JavaFileObject source) {
    this.file = source;
    return this;
  }

  /** Checks the diagnostic is on the (unique) line containing {@code line}, at its start. */
  void at(String line) {
    at(line, line);
  }

  /**
   * Checks the diagnostic is on the (unique) line containing {@code line}, at the column where
   * {@code column} starts within that text: for an attribute, its value.
   */
  void at(String line, String column) {
    int start = line.indexOf(column);
    if (start < 0) {
      throw new IllegalArgumentException("'" + column + "' is not part of '" + line + "'");
    }
    String[] lines = lines(file);
    int lineNumber = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(line)) {
        if (lineNumber >= 0) {
          throw new IllegalArgumentException("more than one line contains '" + line + "'");
        }
        lineNumber = i + 1;
      }
    }
    if (lineNumber < 0) {
      throw new IllegalArgumentException("no line contains '" + line + "'");
    }
    long columnNumber = lines[lineNumber - 1].indexOf(line) + start + 1;

    // The fixed shape, as compile-testing states it.
    subject(parts.get(0)).inFile(file).onLineContaining(line);
    subject(parts.get(0)).inFile(file).onLine(lineNumber).atColumn(columnNumber);

    // And the one diagnostic that says all of it sits there.
    Diagnostic<? extends JavaFileObject> d = theOne();
    assertWithMessage("file of %s", d).that(d.getSource().toUri()).isEqualTo(file.toUri());
    assertWithMessage("line of %s", d).that(d.getLineNumber()).isEqualTo((long) lineNumber);
    assertWithMessage("column of %s", d).that(d.getColumnNumber()).isEqualTo(columnNumber);
  }

  private CompilationSubject.DiagnosticInFile subject(String text) {
    switch (kind) {
      case ERROR:
        return assertThat(compilation).hadErrorContaining(text);
      case WARNING:
        return assertThat(compilation).hadWarningContaining(text);
      default:
        return assertThat(compilation).hadNoteContaining(text);
    }
  }

  private Diagnostic<? extends JavaFileObject> theOne() {
    List<Diagnostic<? extends JavaFileObject>> matching = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == kind && parts.stream().allMatch(message::contains)) {
        matching.add(d);
      }
    }
    assertWithMessage("exactly one %s containing %s among:\n%s", kind, parts, describe(compilation))
        .that(matching)
        .hasSize(1);
    return matching.get(0);
  }

  /** Every diagnostic, one per line, for failure messages. */
  static String describe(Compilation c) {
    return c.diagnostics().stream()
        .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  private static String[] lines(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString().split("\n", -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
