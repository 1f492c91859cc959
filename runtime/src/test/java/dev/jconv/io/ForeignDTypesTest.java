package dev.jconv.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** F16, BF16 and F64 files built by hand read back as the floats they encode. */
class ForeignDTypesTest {
  @TempDir Path dir;

  @Test
  void f16() throws IOException {
    int[] halves = {
      0x0000, 0x8000, 0x3c00, 0xc000, 0x3555, 0x7bff, 0x0400, 0x0001, 0x03ff, 0x7c00, 0xfc00,
    };
    float[] expected = {
      0f,
      -0f,
      1f,
      -2f,
      0.333251953125f,
      65504f, // largest half
      0x1p-14f, // smallest normal half
      0x1p-24f, // smallest subnormal half
      1023 * 0x1p-24f, // largest subnormal half
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
    };

    float[] read = readOne("F16", halves.length, RawFile.u16(halves));

    assertArrayEquals(RoundTripTest.bits(expected), RoundTripTest.bits(read));
    assertTrue(Float.isNaN(readOne("F16", 1, RawFile.u16(0x7e00))[0]));
  }

  @Test
  void bf16() throws IOException {
    int[] halves = {0x3f80, 0xc040, 0x4049, 0x8000, 0x0001, 0x7f7f, 0x7f80, 0xff80};
    float[] expected = {
      1f,
      -3f,
      3.140625f,
      -0f,
      0x1p-133f, // smallest subnormal bfloat16
      Float.intBitsToFloat(0x7f7f0000), // largest bfloat16
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
    };

    float[] read = readOne("BF16", halves.length, RawFile.u16(halves));

    assertArrayEquals(RoundTripTest.bits(expected), RoundTripTest.bits(read));
    assertTrue(Float.isNaN(readOne("BF16", 1, RawFile.u16(0x7fc0))[0]));
  }

  @Test
  void f64IsRoundedToNearestFloat() throws IOException {
    double[] doubles = {1.5, -0.1, Math.PI, 16_777_217.0, 1e300, -1e300, 1e-50, -0.0};
    float[] expected = {
      1.5f,
      -0.1f,
      (float) Math.PI,
      16_777_216f, // ties to even
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      0f,
      -0f,
    };

    float[] read = readOne("F64", doubles.length, RawFile.f64(doubles));

    assertArrayEquals(RoundTripTest.bits(expected), RoundTripTest.bits(read));
    assertTrue(Float.isNaN(readOne("F64", 1, RawFile.f64(Double.NaN))[0]));
  }

  @Test
  void everyHalfMatchesAnIndependentFormula() {
    for (int bits = 0; bits < 1 << 16; bits++) {
      int sign = bits >>> 15;
      int exponent = (bits >>> 10) & 0x1f;
      int mantissa = bits & 0x3ff;
      double magnitude;
      if (exponent == 0x1f) {
        magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
      } else if (exponent == 0) {
        magnitude = Math.scalb((double) mantissa, -24);
      } else {
        magnitude = Math.scalb((double) (1024 + mantissa), exponent - 25);
      }
      float expected = (float) (sign == 1 ? -magnitude : magnitude);
      float actual = DType.halfToFloat((short) bits);
      if (Float.isNaN(expected)) {
        assertTrue(Float.isNaN(actual), Integer.toHexString(bits));
      } else {
        assertEquals(
            Float.floatToIntBits(expected),
            Float.floatToIntBits(actual),
            Integer.toHexString(bits));
      }
    }
  }

  @Test
  void mixedDtypesInOneFileSpanningSeveralChunks() throws IOException {
    int halfCount = 600_001; // 1.2 MB of F16: crosses the 1 MiB read chunk
    int[] halves = new int[halfCount];
    for (int i = 0; i < halfCount; i++) {
      halves[i] = i % 2048; // 0 ... 2047: subnormals and small normals
    }
    int doubleCount = 150_001; // 1.2 MB of F64
    double[] doubles = new double[doubleCount];
    for (int i = 0; i < doubleCount; i++) {
      doubles[i] = i * 0.5;
    }
    long h = 2L * halfCount;
    long d = h + 8L * doubleCount;
    String header =
        "{"
            + RawFile.entry("h", "F16", "[" + halfCount + "]", 0, h)
            + ","
            + RawFile.entry("d", "F64", "[" + doubleCount + "]", h, d)
            + ","
            + RawFile.entry("b", "BF16", "[1]", d, d + 2)
            + "}";
    byte[] halfBytes = RawFile.u16(halves);
    byte[] doubleBytes = RawFile.f64(doubles);
    byte[] data = new byte[(int) d + 2];
    System.arraycopy(halfBytes, 0, data, 0, halfBytes.length);
    System.arraycopy(doubleBytes, 0, data, (int) h, doubleBytes.length);
    System.arraycopy(RawFile.u16(0x3f80), 0, data, (int) d, 2);
    Path file = RawFile.write(dir.resolve("mixed.safetensors"), header, data);

    Map<String, Tensor> back = SafeTensors.read(file);

    float[] readHalves = back.get("h").toArray();
    for (int i = 0; i < halfCount; i++) {
      assertEquals(DType.halfToFloat((short) halves[i]), readHalves[i], "h[" + i + "]");
    }
    float[] readDoubles = back.get("d").toArray();
    for (int i = 0; i < doubleCount; i++) {
      assertEquals((float) doubles[i], readDoubles[i], "d[" + i + "]");
    }
    assertEquals(1f, back.get("b").data()[0]);
  }

  private float[] readOne(String dtype, int count, byte[] data) throws IOException {
    String header = "{" + RawFile.entry("t", dtype, "[" + count + "]", 0, data.length) + "}";
    Path file = RawFile.write(dir.resolve(dtype + count + ".safetensors"), header, data);
    return SafeTensors.read(file).get("t").toArray();
  }
}
