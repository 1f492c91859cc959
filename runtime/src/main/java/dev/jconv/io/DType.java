package dev.jconv.io;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.ShortBuffer;

/**
 * The safetensors element types jconv reads, each converted to {@code float} on the way in; jconv
 * writes only {@link #F32}.
 */
public enum DType {
  /** IEEE 754 binary32: copied bit for bit. */
  F32(4) {
    @Override
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
      src.asFloatBuffer().get(dst, offset, count);
    }
  },
  /** IEEE 754 binary16: exact in float (every half value is a float value). */
  F16(2) {
    @Override
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
      ShortBuffer halves = src.asShortBuffer();
      for (int i = 0; i < count; i++) {
        dst[offset + i] = halfToFloat(halves.get(i));
      }
    }
  },
  /** bfloat16, the top half of a binary32: exact in float. */
  BF16(2) {
    @Override
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
      ShortBuffer halves = src.asShortBuffer();
      for (int i = 0; i < count; i++) {
        dst[offset + i] = Float.intBitsToFloat((halves.get(i) & 0xffff) << 16);
      }
    }
  },
  /** IEEE 754 binary64: rounded to the nearest float (overflow gives infinity). */
  F64(8) {
    @Override
    void decode(ByteBuffer src, float[] dst, int offset, int count) {
      DoubleBuffer doubles = src.asDoubleBuffer();
      for (int i = 0; i < count; i++) {
        dst[offset + i] = (float) doubles.get(i);
      }
    }
  };

  private final int size;

  DType(int size) {
    this.size = size;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /**
   * Converts {@code count} elements from the start of {@code src} (little-endian, positioned at 0)
   * into {@code dst[offset, offset + count)}.
   */
  abstract void decode(ByteBuffer src, float[] dst, int offset, int count);

  /** The type named {@code name} in a safetensors header, or null if jconv cannot read it. */
  static DType byName(String name) {
    for (DType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return null;
  }

  /**
   * Widens an IEEE 754 half (Java 17 has no {@code Float.float16ToFloat}): the exponent is rebiased
   * from 15 to 127, subnormal halves become normal floats, infinities and NaN payloads carry over.
   */
  static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      // Zero or subnormal: mantissa * 2^-24, exact in float.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
  }
}
