package dev.jconv.examples;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A minimal class-file reader (JVMS chapter 4) for tests: each class's name, superclass,
 * interfaces, class-level annotations (visible or not) and methods with their bytecode length.
 * Walks the constant pool and skips everything else.
 */
public final class ClassFileMethods {
  private static final int MAGIC = 0xCAFEBABE;

  private ClassFileMethods() {}

  /**
   * One method.
   *
   * @param owner the class's binary name, such as {@code dev.jconv.examples.BatchNormNetModel}
   * @param name the method name ({@code <init>} for constructors)
   * @param descriptor the JVM descriptor, such as {@code ()Ldev/jconv/Layer;}
   * @param codeLength bytes of bytecode, or -1 for an abstract or native method
   */
  public record Method(String owner, String name, String descriptor, int codeLength) {
    @Override
    public String toString() {
      return owner + "." + name + descriptor;
    }
  }

  /**
   * One class file.
   *
   * @param name binary name with dots: {@code a.b.Outer$Inner}
   * @param superName the superclass's binary name, or null for {@code java.lang.Object}
   * @param interfaces the directly implemented interfaces' binary names
   * @param annotations the binary names of the class's own annotations, CLASS retention included
   * @param methods the declared methods in class-file order
   */
  public record ClassInfo(
      String name,
      String superName,
      List<String> interfaces,
      List<String> annotations,
      List<Method> methods) {}

  /** Every {@code .class} file under {@code dir}, sorted by path. */
  public static List<ClassInfo> readAll(Path dir) throws IOException {
    List<ClassInfo> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        out.add(read(f));
      }
    }
    return out;
  }

  /** One class file. */
  public static ClassInfo read(Path file) throws IOException {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read class file " + file + ": " + e, e);
    }
  }

  /** One class file's bytes. */
  public static ClassInfo parse(byte[] bytes) {
    try {
      return new Reader(new DataInputStream(new ByteArrayInputStream(bytes))).classFile();
    } catch (IOException e) {
      throw new UncheckedIOException("truncated class file", e);
    }
  }

  /** Reads one class file in order; the constant pool is kept only for names. */
  private static final class Reader {
    private final DataInputStream in;
    private String[] utf8;
    private int[] classNameIndex;

    Reader(DataInputStream in) {
      this.in = in;
    }

    ClassInfo classFile() throws IOException {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a class file (bad magic number)");
      }
      in.readUnsignedShort(); // minor_version
      in.readUnsignedShort(); // major_version
      constantPool();
      in.readUnsignedShort(); // access_flags
      String name = className(in.readUnsignedShort());
      int superIndex = in.readUnsignedShort();
      String superName = superIndex == 0 ? null : className(superIndex);
      List<String> interfaces = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        interfaces.add(className(in.readUnsignedShort()));
      }
      members(name, null); // fields
      List<Method> methods = new ArrayList<>();
      members(name, methods);
      List<String> annotations = new ArrayList<>();
      for (int i = in.readUnsignedShort(); i > 0; i--) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("RuntimeVisibleAnnotations")
            || attribute.equals("RuntimeInvisibleAnnotations")) {
          for (int n = in.readUnsignedShort(); n > 0; n--) {
            annotations.add(annotation());
          }
        } else {
          in.skipNBytes(length);
        }
      }
      return new ClassInfo(
          name, superName, List.copyOf(interfaces), List.copyOf(annotations), List.copyOf(methods));
    }

    private void constantPool() throws IOException {
      int count = in.readUnsignedShort();
      utf8 = new String[count];
      classNameIndex = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1: // Utf8: u2 length, then modified UTF-8, which is what readUTF reads
            utf8[i] = in.readUTF();
            break;
          case 7: // Class
            classNameIndex[i] = in.readUnsignedShort();
            break;
          case 8, 16, 19, 20: // String, MethodType, Module, Package
            in.skipNBytes(2);
            break;
          case 15: // MethodHandle: u1 kind, u2 reference
            in.skipNBytes(3);
            break;
          case 3, 4, 9, 10, 11, 12, 17, 18: // Integer, Float, refs, NameAndType, (Invoke)Dynamic
            in.skipNBytes(4);
            break;
          case 5, 6: // Long, Double take two entries
            in.skipNBytes(8);
            i++;
            break;
          default:
            throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + i);
        }
      }
    }

    /** Fields ({@code methods} null) or methods, with the code length of each method. */
    private void members(String owner, List<Method> methods) throws IOException {
      for (int m = in.readUnsignedShort(); m > 0; m--) {
        in.readUnsignedShort(); // access_flags
        String name = utf8[in.readUnsignedShort()];
        String descriptor = utf8[in.readUnsignedShort()];
        int codeLength = -1;
        for (int a = in.readUnsignedShort(); a > 0; a--) {
          String attribute = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (methods != null && attribute.equals("Code")) {
            in.readUnsignedShort(); // max_stack
            in.readUnsignedShort(); // max_locals
            codeLength = in.readInt();
            in.skipNBytes(length - 8L);
          } else {
            in.skipNBytes(length);
          }
        }
        if (methods != null) {
          methods.add(new Method(owner, name, descriptor, codeLength));
        }
      }
    }

    /** An annotation's type as a binary name; its element values are skipped. */
    private String annotation() throws IOException {
      String descriptor = utf8[in.readUnsignedShort()]; // Lpkg/Name;
      for (int pairs = in.readUnsignedShort(); pairs > 0; pairs--) {
        in.readUnsignedShort(); // element_name_index
        elementValue();
      }
      return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
    }

    private void elementValue() throws IOException {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c':
          in.skipNBytes(2);
          break;
        case 'e':
          in.skipNBytes(4);
          break;
        case '@':
          annotation();
          break;
        case '[':
          for (int n = in.readUnsignedShort(); n > 0; n--) {
            elementValue();
          }
          break;
        default:
          throw new IllegalArgumentException("unknown element_value tag " + (char) tag);
      }
    }

    private String className(int classIndex) {
      return utf8[classNameIndex[classIndex]].replace('/', '.');
    }
  }
}
