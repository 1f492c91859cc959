package dev.jconv.data;

import dev.jconv.parallel.Parallel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * The demo's built-in data set, generated in memory: 64x64 RGB images of five classes of filled
 * shapes (circle, square, triangle, star, cross) at random position, size (14 to 40 pixels across),
 * colour and rotation, over a background of a random colour with a gentle gradient and per-pixel
 * noise, sometimes crossed by thin distractor lines. The same seed gives the same images (on the
 * same JDK: they are drawn with Java2D, antialiased).
 */
public final class Shapes {
  /** Image height and width. */
  public static final int SIZE = 64;

  /** The five classes, in label order. */
  public static final String[] CLASS_NAMES = {"circle", "square", "triangle", "star", "cross"};

  private static final double MIN_DIAMETER = 14;
  private static final double MAX_DIAMETER = 40;
  private static final double BACKGROUND_NOISE = 0.08;
  private static final double MIN_CONTRAST = 0.35;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Shapes() {}

  /**
   * {@code count} images, {@code {64, 64, 3}} floats in {@code [0, 1]}, the classes balanced (each
   * has {@code count / 5} or one more) and in random order.
   */
  public static ArrayDataset generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % CLASS_NAMES.length;
    }
    SplittableRandom order = new SplittableRandom(seed);
    for (int i = count - 1; i > 0; i--) {
      int j = order.nextInt(i + 1);
      int t = labels[i];
      labels[i] = labels[j];
      labels[j] = t;
    }
    int e = SIZE * SIZE * 3;
    float[] x = new float[Math.multiplyExact(count, e)];
    Parallel.forRange(
        count,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            float[] img = Images.toFloats(render(labels[i], imageSeed(seed, i)), 3);
            System.arraycopy(img, 0, x, i * e, e);
          }
        });
    return new ArrayDataset(x, labels, new int[] {SIZE, SIZE, 3}, CLASS_NAMES);
  }

  /** One image of class {@code label}, drawn from {@code seed}. */
  public static BufferedImage render(int label, long seed) {
    if (label < 0 || label >= CLASS_NAMES.length) {
      throw new IllegalArgumentException("label must be in [0, 5), got " + label);
    }
    SplittableRandom r = new SplittableRandom(seed);
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    float[] base = randomColour(r);
    paintBackground(image, base, r);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      int lines = r.nextInt(3); // 0, 1 or 2 distractors
      for (int k = 0; k < lines; k++) {
        g.setColor(toColor(randomColour(r)));
        g.setStroke(new BasicStroke((float) (1 + r.nextDouble() * 1.5)));
        g.draw(new Line2D.Double(coord(r), coord(r), coord(r), coord(r)));
      }
      double radius = (MIN_DIAMETER + r.nextDouble() * (MAX_DIAMETER - MIN_DIAMETER)) / 2;
      Shape shape = outline(label, radius);
      double reach = circumradius(label, radius);
      double cx = reach + 1 + r.nextDouble() * (SIZE - 2 * reach - 2);
      double cy = reach + 1 + r.nextDouble() * (SIZE - 2 * reach - 2);
      double angle = r.nextDouble() * 2 * Math.PI;
      g.setColor(toColor(contrastingColour(base, r)));
      g.translate(cx, cy);
      g.rotate(angle);
      g.fill(shape);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** A seed per image, so that images are independent of each other and of the thread count. */
  private static long imageSeed(long seed, int i) {
    long z = seed + (i + 1) * GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The shape of class {@code label} centred on the origin, about {@code 2 * radius} across. */
  private static Shape outline(int label, double radius) {
    switch (label) {
      case 0:
        return new Ellipse2D.Double(-radius, -radius, 2 * radius, 2 * radius);
      case 1:
        double half = radius * 0.8;
        return new Rectangle2D.Double(-half, -half, 2 * half, 2 * half);
      case 2:
        return polygon(3, radius * 1.1, radius * 1.1);
      case 3:
        return polygon(5, radius * 1.1, radius * 1.1 * 0.42);
      default:
        double arm = radius;
        double t = radius * 0.3;
        Path2D.Double p = new Path2D.Double();
        p.append(new Rectangle2D.Double(-arm, -t, 2 * arm, 2 * t), false);
        p.append(new Rectangle2D.Double(-t, -arm, 2 * t, 2 * arm), false);
        p.setWindingRule(Path2D.WIND_NON_ZERO);
        return p;
    }
  }

  /** How far the shape reaches from its centre, so that it stays inside the image. */
  private static double circumradius(int label, double radius) {
    switch (label) {
      case 0:
        return radius;
      case 1:
        return radius * 0.8 * Math.sqrt(2);
      case 2:
      case 3:
        return radius * 1.1;
      default:
        return radius * Math.hypot(1, 0.3);
    }
  }

  /** A regular polygon ({@code inner == outer}) or star with {@code points} outer vertices. */
  private static Shape polygon(int points, double outer, double inner) {
    Path2D.Double p = new Path2D.Double();
    int vertices = inner == outer ? points : 2 * points;
    for (int k = 0; k < vertices; k++) {
      double a = -Math.PI / 2 + k * 2 * Math.PI / vertices;
      double rad = (inner == outer || k % 2 == 0) ? outer : inner;
      if (k == 0) {
        p.moveTo(rad * Math.cos(a), rad * Math.sin(a));
      } else {
        p.lineTo(rad * Math.cos(a), rad * Math.sin(a));
      }
    }
    p.closePath();
    return p;
  }

  /** Base colour, a gradient of up to +-0.1 in a random direction, and uniform noise. */
  private static void paintBackground(BufferedImage image, float[] base, SplittableRandom r) {
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    double gx = (r.nextDouble() - 0.5) * 0.2 / SIZE;
    double gy = (r.nextDouble() - 0.5) * 0.2 / SIZE;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double shade = gx * (x - SIZE / 2.0) + gy * (y - SIZE / 2.0);
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
          double v = base[c] + shade + (r.nextDouble() - 0.5) * 2 * BACKGROUND_NOISE;
          rgb = (rgb << 8) | (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
        }
        pixels[y * SIZE + x] = rgb;
      }
    }
  }

  private static float[] randomColour(SplittableRandom r) {
    int rgb =
        Color.HSBtoRGB(
            (float) r.nextDouble(),
            (float) (0.2 + 0.7 * r.nextDouble()),
            (float) (0.25 + 0.7 * r.nextDouble()));
    return new float[] {
      ((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f
    };
  }

  /** A random colour at least {@link #MIN_CONTRAST} away from {@code base} (RGB distance). */
  private static float[] contrastingColour(float[] base, SplittableRandom r) {
    float[] best = null;
    double bestDistance = -1;
    for (int attempt = 0; attempt < 32; attempt++) {
      float[] c = randomColour(r);
      double d = Math.sqrt(sq(c[0] - base[0]) + sq(c[1] - base[1]) + sq(c[2] - base[2]));
      if (d >= MIN_CONTRAST) {
        return c;
      }
      if (d > bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  private static double sq(double v) {
    return v * v;
  }

  private static double coord(SplittableRandom r) {
    return r.nextDouble() * SIZE;
  }

  private static Color toColor(float[] rgb) {
    return new Color(rgb[0], rgb[1], rgb[2]);
  }
}
