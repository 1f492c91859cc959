package dev.jconv.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jconv.Model;
import dev.jconv.data.Images;
import dev.jconv.data.Shapes;
import dev.jconv.train.Metrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP service on a loopback port: real PNG and JPEG uploads from several threads, errors. */
class ClassifyServerTest {
  private static final int MAX_BYTES = 64 * 1024;
  @TempDir static Path dir;
  static ClassifyServer server;
  static HttpClient client;
  static Model reference;

  @BeforeAll
  static void start() throws IOException {
    Path weights = dir.resolve("seed.safetensors");
    new SeedNetModel(5).save(weights);
    reference = new SeedNetModel(5);
    Classifier classifier =
        Classifier.load(
            "SeedNet", weights, List.of(Shapes.CLASS_NAMES), Classifier.Preprocessing.perImage());
    server =
        ClassifyServer.start(
            classifier, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4, MAX_BYTES);
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void classifiesImagesSentFromSeveralThreads() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> answers = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        BufferedImage image = Shapes.render(i % 5, 100 + i);
        byte[] body = encode(image, i % 2 == 0 ? "png" : "jpg");
        expected.add(expectedTopLabel(body));
        answers.add(senders.submit(() -> post("/classify?top=2", body).body()));
      }
      for (int i = 0; i < answers.size(); i++) {
        String json = answers.get(i).get();
        assertTrue(
            json.startsWith(
                "{\"network\": \"SeedNet\", \"predictions\": [{\"label\": \""
                    + expected.get(i)
                    + "\""),
            json + " expected " + expected.get(i));
        assertEquals(2, json.split("\"label\"").length - 1, json);
      }
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void nonImageIsA400WithAMessage() throws Exception {
    HttpResponse<String> r = post("/classify", "hello".getBytes());
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("not an image"), r.body());
  }

  @Test
  void oversizedUploadIsA400WithAMessage() throws Exception {
    HttpResponse<String> r = post("/classify", new byte[MAX_BYTES + 1]);
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("larger than the limit of 65536 bytes"), r.body());
  }

  @Test
  void healthAndWrongMethod() throws Exception {
    HttpResponse<String> h = get("/health");
    assertEquals(200, h.statusCode());
    assertEquals("{\"status\": \"ok\", \"network\": \"SeedNet\", \"classes\": 5}", h.body());
    assertEquals(405, get("/classify").statusCode());
  }

  /** What the model says for the decoded upload, computed here without the server. */
  private static String expectedTopLabel(byte[] encoded) throws IOException {
    BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(encoded));
    float[] x = Images.toFloats(decoded, 3);
    Standardize.perImage(x, 0, x.length, 3);
    float[] p = reference.predict(x);
    return Shapes.CLASS_NAMES[Metrics.argmax(p, 0, p.length)];
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), format);
    return out.toByteArray();
  }

  private static HttpResponse<String> post(String path, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(String.format(Locale.ROOT, "http://127.0.0.1:%d%s", server.port(), path));
  }
}
