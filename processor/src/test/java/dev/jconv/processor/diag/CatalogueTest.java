package dev.jconv.processor.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and the suite stay in step: every {@link Diag} entry has a compile-testing test
 * marked {@link Covers} somewhere among the processor's tests, and ids are stable and unique.
 */
class CatalogueTest {
  /** Entries that no source, valid or not, can trigger. */
  static final Set<Diag> UNTRIGGERABLE = EnumSet.of(Diag.INTERNAL);

  @Test
  void everyDiagnosticHasATest() throws Exception {
    Set<Diag> covered = EnumSet.noneOf(Diag.class);
    for (Class<?> test : testClasses()) {
      for (Method m : test.getDeclaredMethods()) {
        Covers covers = m.getAnnotation(Covers.class);
        if (covers != null) {
          assertTrue(
              m.isAnnotationPresent(Test.class), () -> m + " is marked @Covers but is no @Test");
          covered.addAll(List.of(covers.value()));
        }
      }
    }
    Set<Diag> missing = EnumSet.allOf(Diag.class);
    missing.removeAll(UNTRIGGERABLE);
    missing.removeAll(covered);
    assertEquals(Set.of(), missing, "diagnostics without a test");
    for (Diag d : UNTRIGGERABLE) {
      assertFalse(covered.contains(d), () -> d + " is tested, so drop it from UNTRIGGERABLE");
    }
  }

  @Test
  void theScanSeesThisSuite() throws Exception {
    List<Class<?>> classes = testClasses();
    assertTrue(classes.contains(ShapeDiagnosticsTest.class), () -> "scanned " + classes);
    assertTrue(classes.contains(CatalogueTest.class), () -> "scanned " + classes);
  }

  @Test
  void idsAreUniqueAndFollowTheConstantNames() {
    Set<String> ids = new HashSet<>();
    for (Diag d : Diag.values()) {
      assertTrue(ids.add(d.id()), () -> "duplicate id " + d.id());
      assertEquals(
          "jconv." + d.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), d.id());
    }
  }

  @Test
  void internalErrorsFailTheBuild() {
    assertEquals(Kind.ERROR, Diag.INTERNAL.kind());
  }

  @Test
  void formatPutsTheBracketedIdFirst() {
    assertEquals(
        "[jconv.rate-range] 'drop' (Dropout): rate = 1.5 must be in [0, 1): it is the fraction of"
            + " inputs dropped",
        Diag.RATE_RANGE.format("drop", 1.5));
  }

  /** Every class compiled from the processor's test sources (they share one output directory). */
  private static List<Class<?>> testClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root =
        Path.of(CatalogueTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names =
          files
              .map(root::relativize)
              .map(Path::toString)
              .filter(f -> f.endsWith(".class"))
              .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
              .collect(Collectors.toList());
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      classes.add(Class.forName(name, false, CatalogueTest.class.getClassLoader()));
    }
    return classes;
  }
}
