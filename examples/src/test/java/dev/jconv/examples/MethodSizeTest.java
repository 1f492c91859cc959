package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No method of the compiled example networks (generated models with their Scalar and Simd kernels)
 * is over 8,000 bytes of bytecode, HotSpot's HugeMethodLimit above which a method is never
 * JIT-compiled.
 */
class MethodSizeTest {
  static final int LIMIT = 8000;

  @Test
  void generatedMethodsFitHugeMethodLimit() throws IOException {
    Path classes = Path.of("target", "classes");
    List<String> tooLarge = new ArrayList<>();
    int methods = 0;
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          for (String[] m : codeSizes(new DataInputStream(in))) {
            methods++;
            if (Integer.parseInt(m[1]) > LIMIT) {
              tooLarge.add(file.getFileName() + " " + m[0] + ": " + m[1] + " bytes");
            }
          }
        }
      }
    }
    assertTrue(methods > 100, "read " + methods + " methods");
    assertTrue(tooLarge.isEmpty(), "methods over " + LIMIT + " bytes: " + tooLarge);
  }

  /** (name, bytecode length) of every method with code, from the class file format. */
  static List<String[]> codeSizes(DataInputStream in) throws IOException {
    in.readInt();
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        default -> throw new IOException("unknown constant tag " + tag);
      }
    }
    in.skipBytes(6);
    in.skipBytes(2 * in.readUnsignedShort());
    skipMembers(in);
    List<String[]> out = new ArrayList<>();
    int methods = in.readUnsignedShort();
    for (int m = 0; m < methods; m++) {
      in.skipBytes(2);
      String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("Code")) {
          in.skipBytes(4);
          int code = in.readInt();
          out.add(new String[] {name, Integer.toString(code)});
          in.skipBytes(length - 8);
        } else {
          in.skipBytes(length);
        }
      }
    }
    return out;
  }

  private static void skipMembers(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.skipBytes(6);
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.skipBytes(2);
        in.skipBytes(in.readInt());
      }
    }
  }
}
