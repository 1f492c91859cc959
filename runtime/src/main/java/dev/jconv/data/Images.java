package dev.jconv.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Conversions between {@link BufferedImage}s and HWC float arrays in {@code [0, 1]}, and bilinear
 * resizing of HWC arrays.
 */
public final class Images {
  // ITU-R BT.601 luma, the weights of tf.image.rgb_to_grayscale.
  private static final float LUMA_R = 0.2989f;
  private static final float LUMA_G = 0.5870f;
  private static final float LUMA_B = 0.1140f;

  private Images() {}

  /**
   * The pixels of {@code image} as HWC floats in {@code [0, 1]} with 3 (RGB) or 1 (grey) channels.
   * Grey images keep their stored values (not the gamma-converted ones {@code getRGB} returns);
   * colour images become grey by luma; alpha is ignored.
   */
  public static float[] toFloats(BufferedImage image, int channels) {
    checkChannels(channels);
    int h = image.getHeight();
    int w = image.getWidth();
    float[] out = new float[h * w * channels];
    if (isGrey(image)) {
      Raster raster = image.getRaster();
      float max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = raster.getSample(x, y, 0) / max;
          for (int c = 0; c < channels; c++) {
            out[(y * w + x) * channels + c] = v;
          }
        }
      }
      return out;
    }
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      readRow(image, y, row);
      for (int x = 0; x < w; x++) {
        float r = ((row[x] >> 16) & 0xff) / 255f;
        float g = ((row[x] >> 8) & 0xff) / 255f;
        float b = (row[x] & 0xff) / 255f;
        int o = (y * w + x) * channels;
        if (channels == 3) {
          out[o] = r;
          out[o + 1] = g;
          out[o + 2] = b;
        } else {
          out[o] = LUMA_R * r + LUMA_G * g + LUMA_B * b;
        }
      }
    }
    return out;
  }

  /** Row {@code y} as packed RGB; reads the pixel array directly when it is already packed RGB. */
  private static void readRow(BufferedImage image, int y, int[] row) {
    int w = row.length;
    int type = image.getType();
    if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
        && image.getRaster().getDataBuffer() instanceof DataBufferInt
        && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel
        && image.getRaster().getSampleModelTranslateX() == 0
        && image.getRaster().getSampleModelTranslateY() == 0) {
      SinglePixelPackedSampleModel model =
          (SinglePixelPackedSampleModel) image.getRaster().getSampleModel();
      int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
      System.arraycopy(pixels, y * model.getScanlineStride(), row, 0, w);
      return;
    }
    image.getRGB(0, y, w, 1, row, 0, w);
  }

  /** An RGB (3 channels) or grey (1 channel) image of HWC floats, clamped to {@code [0, 1]}. */
  public static BufferedImage toImage(float[] hwc, int h, int w, int channels) {
    checkChannels(channels);
    if (hwc.length != h * w * channels) {
      throw new IllegalArgumentException(
          String.format("%d floats are not an image of {%d, %d, %d}", hwc.length, h, w, channels));
    }
    BufferedImage image =
        new BufferedImage(
            w, h, channels == 3 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * channels;
        if (channels == 3) {
          image.setRGB(
              x, y, (toByte(hwc[o]) << 16) | (toByte(hwc[o + 1]) << 8) | toByte(hwc[o + 2]));
        } else {
          image.getRaster().setSample(x, y, 0, toByte(hwc[o]));
        }
      }
    }
    return image;
  }

  /**
   * Resizes an HWC image with bilinear interpolation on pixel centres, as {@code
   * tf.image.resize(..., "bilinear")} does without antialiasing: output pixel {@code y} samples the
   * input at {@code (y + 0.5) * inH / outH - 0.5}, clamped to the edge.
   */
  public static float[] resizeBilinear(float[] src, int inH, int inW, int c, int outH, int outW) {
    if (src.length != inH * inW * c) {
      throw new IllegalArgumentException(
          String.format("%d floats are not an image of {%d, %d, %d}", src.length, inH, inW, c));
    }
    if (outH <= 0 || outW <= 0) {
      throw new IllegalArgumentException("output size " + outH + "x" + outW + " is not positive");
    }
    float[] dst = new float[outH * outW * c];
    int[] x0 = new int[outW];
    int[] x1 = new int[outW];
    float[] fx = new float[outW];
    for (int x = 0; x < outW; x++) {
      float sx = source(x, inW, outW);
      x0[x] = (int) Math.floor(sx);
      x1[x] = Math.min(x0[x] + 1, inW - 1);
      fx[x] = sx - x0[x];
    }
    for (int y = 0; y < outH; y++) {
      float sy = source(y, inH, outH);
      int y0 = (int) Math.floor(sy);
      int y1 = Math.min(y0 + 1, inH - 1);
      float fy = sy - y0;
      for (int x = 0; x < outW; x++) {
        for (int ch = 0; ch < c; ch++) {
          float top =
              lerp(src[(y0 * inW + x0[x]) * c + ch], src[(y0 * inW + x1[x]) * c + ch], fx[x]);
          float bottom =
              lerp(src[(y1 * inW + x0[x]) * c + ch], src[(y1 * inW + x1[x]) * c + ch], fx[x]);
          dst[(y * outW + x) * c + ch] = lerp(top, bottom, fy);
        }
      }
    }
    return dst;
  }

  /** The source coordinate of output index {@code i}, clamped to {@code [0, in - 1]}. */
  private static float source(int i, int in, int out) {
    float s = (i + 0.5f) * in / out - 0.5f;
    return Math.max(0, Math.min(s, in - 1));
  }

  private static float lerp(float a, float b, float t) {
    return a + (b - a) * t;
  }

  private static int toByte(float v) {
    return Math.round(Math.max(0, Math.min(1, v)) * 255);
  }

  private static boolean isGrey(BufferedImage image) {
    return image.getType() == BufferedImage.TYPE_BYTE_GRAY
        || image.getType() == BufferedImage.TYPE_USHORT_GRAY;
  }

  private static void checkChannels(int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
    }
  }
}
