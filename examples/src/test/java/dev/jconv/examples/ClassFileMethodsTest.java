package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jconv.examples.ClassFileMethods.ClassInfo;
import dev.jconv.examples.ClassFileMethods.Method;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The class-file reader on classes whose bytecode lengths are known. */
class ClassFileMethodsTest {
  /** A CLASS-retention annotation with every kind of element value. */
  @Retention(RetentionPolicy.CLASS)
  @interface Marker {
    int[] sizes();

    ElementType kind();

    Class<?> type();

    Deprecated nested();
  }

  /** Constants of every pool kind: long and double take two slots, lambdas use invokedynamic. */
  @Deprecated(since = "1", forRemoval = true)
  @Marker(
      sizes = {1, 2},
      kind = ElementType.FIELD,
      type = String.class,
      nested = @Deprecated)
  abstract static class Sample implements Runnable, Comparable<Sample> {
    static final long BIG = 1L << 40;
    static final double HALF = 0.5;

    int one() {
      return 1; // iconst_1, ireturn
    }

    double oneAndAHalf() {
      return 1.5; // ldc2_w, dreturn
    }

    Supplier<String> greeting(long n, float f) {
      return () -> "n=" + n + f + BIG;
    }

    abstract void nothing();
  }

  @Test
  void readsNamesSupertypesAndAnnotations() throws IOException {
    ClassInfo c = read(Sample.class);
    assertEquals("dev.jconv.examples.ClassFileMethodsTest$Sample", c.name());
    assertEquals("java.lang.Object", c.superName());
    assertEquals(List.of("java.lang.Runnable", "java.lang.Comparable"), c.interfaces());
    assertEquals(
        List.of("java.lang.Deprecated", "dev.jconv.examples.ClassFileMethodsTest$Marker"),
        c.annotations());
  }

  @Test
  void readsBytecodeLengths() throws IOException {
    ClassInfo c = read(Sample.class);
    assertEquals(5, method(c, "<init>").codeLength()); // aload_0, invokespecial, return
    assertEquals(2, method(c, "one").codeLength());
    assertEquals(4, method(c, "oneAndAHalf").codeLength());
    assertEquals(-1, method(c, "nothing").codeLength());
    assertEquals("(JF)Ljava/util/function/Supplier;", method(c, "greeting").descriptor());
  }

  @Test
  void objectHasNoSuperclass() throws IOException {
    try (InputStream in = Object.class.getResourceAsStream("Object.class")) {
      ClassInfo object = ClassFileMethods.parse(in.readAllBytes());
      assertEquals("java.lang.Object", object.name());
      assertNull(object.superName());
    }
  }

  @Test
  void rejectsWhatIsNotAClassFile() {
    assertThrows(IllegalArgumentException.class, () -> ClassFileMethods.parse(new byte[16]));
  }

  static ClassInfo read(Class<?> type) throws IOException {
    String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(file)) {
      return ClassFileMethods.parse(in.readAllBytes());
    }
  }

  private static Method method(ClassInfo c, String name) {
    return c.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }
}
