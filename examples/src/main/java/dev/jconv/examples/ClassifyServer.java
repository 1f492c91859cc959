package dev.jconv.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jconv.data.Normalization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An image-classification HTTP service on the JDK's built-in server: the weights are loaded once
 * and one model serves every request, concurrently.
 *
 * <ul>
 *   <li>{@code POST /classify[?top=K]} with a PNG or JPEG body: {@code 200 {"network": ...,
 *       "predictions": [{"label": "circle", "probability": 0.98}, ...]}}; {@code 400 {"error":
 *       ...}} for a body that is not an image or is larger than the limit.
 *   <li>{@code GET /health}: {@code 200 {"status": "ok", "network": ..., "classes": N}}.
 * </ul>
 *
 * <pre>
 * ClassifyServer --weights target/seednet.safetensors --network SeedNet --per-image true
 *                [--port 8080] [--threads 4] [--max-bytes 4194304]
 * </pre>
 */
public final class ClassifyServer implements AutoCloseable {
  /** The default upload limit: 4 MiB. */
  public static final int DEFAULT_MAX_BYTES = 4 << 20;

  private final Classifier classifier;
  private final int maxBytes;
  private final HttpServer server;
  private final ExecutorService pool;

  private ClassifyServer(Classifier classifier, int maxBytes, HttpServer server, int threads) {
    this.classifier = classifier;
    this.maxBytes = maxBytes;
    this.server = server;
    this.pool = Executors.newFixedThreadPool(threads);
    server.setExecutor(pool);
    server.createContext("/classify", this::classify);
    server.createContext("/health", this::health);
  }

  /** Starts serving on {@code address} (port 0 picks a free port); see {@link #port()}. */
  public static ClassifyServer start(
      Classifier classifier, InetSocketAddress address, int threads, int maxBytes)
      throws IOException {
    ClassifyServer s =
        new ClassifyServer(classifier, maxBytes, HttpServer.create(address, 64), threads);
    s.server.start();
    return s;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void health(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("GET")) {
      send(ex, 405, error("use GET"));
      return;
    }
    send(
        ex,
        200,
        String.format(
            Locale.ROOT,
            "{\"status\": \"ok\", \"network\": %s, \"classes\": %d}",
            quote(classifier.model().name()),
            classifier.model().outputSize()));
  }

  private void classify(HttpExchange ex) throws IOException {
    try (InputStream body = ex.getRequestBody()) {
      if (!ex.getRequestMethod().equals("POST")) {
        send(ex, 405, error("use POST with a PNG or JPEG image as the body"));
        return;
      }
      byte[] bytes = readAtMost(body, maxBytes);
      if (bytes == null) {
        send(ex, 400, error("the upload is larger than the limit of " + maxBytes + " bytes"));
        return;
      }
      int top = topParameter(ex.getRequestURI().getQuery());
      float[] x = classifier.input(bytes);
      send(ex, 200, answer(classifier.top(x, top)));
    } catch (Classifier.BadInputException | IllegalArgumentException e) {
      send(ex, 400, error(e.getMessage()));
    } catch (RuntimeException e) {
      send(ex, 500, error("internal error: " + e));
    }
  }

  /** The body, or {@code null} when it has more than {@code limit} bytes (read no further). */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) > 0) {
      if (out.size() + n > limit) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static int topParameter(String query) {
    int top = 3;
    if (query != null) {
      for (String kv : query.split("&")) {
        if (kv.startsWith("top=")) {
          try {
            top = Integer.parseInt(kv.substring(4));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "top must be a whole number, got " + kv.substring(4));
          }
        }
      }
    }
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1, got " + top);
    }
    return top;
  }

  private String answer(List<Classifier.Prediction> predictions) {
    StringBuilder json = new StringBuilder("{\"network\": ");
    json.append(quote(classifier.model().name())).append(", \"predictions\": [");
    for (int i = 0; i < predictions.size(); i++) {
      Classifier.Prediction p = predictions.get(i);
      json.append(i == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"label\": %s, \"probability\": %.6f}",
                  quote(p.label()),
                  p.probability()));
    }
    return json.append("]}").toString();
  }

  private static String error(String message) {
    return "{\"error\": " + quote(message) + "}";
  }

  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20) {
        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    // A client that sends more than the limit gets its answer and the connection is closed.
    ex.getResponseHeaders().set("Connection", "close");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Runs the service until the JVM is stopped. */
  public static void main(String[] args) throws IOException {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i], args[i + 1]);
    }
    if (!o.containsKey("--weights") || !o.containsKey("--network")) {
      System.err.println(
          "usage: ClassifyServer --weights FILE --network NAME [--labels FILE] [--per-image true]"
              + " [--mean M --std S] [--port 8080] [--threads 4] [--max-bytes N]");
      System.exit(2);
    }
    Path weights = Path.of(o.get("--weights"));
    Path labelsFile =
        o.containsKey("--labels") ? Path.of(o.get("--labels")) : Classify.labelsFileFor(weights);
    List<String> labels =
        java.nio.file.Files.exists(labelsFile)
            ? java.nio.file.Files.readAllLines(labelsFile)
            : null;
    Classifier.Preprocessing prep = Classifier.Preprocessing.none();
    if (o.getOrDefault("--per-image", "false").equals("true")) {
      prep = Classifier.Preprocessing.perImage();
    } else if (o.containsKey("--mean")) {
      float m = Float.parseFloat(o.get("--mean"));
      float s = Float.parseFloat(o.getOrDefault("--std", "1"));
      prep =
          Classifier.Preprocessing.of(
              Normalization.meanStd(new float[] {m, m, m}, new float[] {s, s, s}));
    }
    Classifier classifier = Classifier.load(o.get("--network"), weights, labels, prep);
    int port = Integer.parseInt(o.getOrDefault("--port", "8080"));
    ClassifyServer server =
        start(
            classifier,
            new InetSocketAddress(port),
            Integer.parseInt(o.getOrDefault("--threads", "4")),
            Integer.parseInt(o.getOrDefault("--max-bytes", String.valueOf(DEFAULT_MAX_BYTES))));
    System.out.printf(
        Locale.ROOT,
        "Serving %s on http://localhost:%d/classify (POST an image), /health%n",
        classifier.model().name(),
        server.port());
  }
}
