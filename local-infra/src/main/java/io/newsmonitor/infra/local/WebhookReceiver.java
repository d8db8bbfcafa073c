package io.newsmonitor.infra.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local HTTP server that stands in for a webhook receiver: it accepts POSTs on any path, answers with a status that
 * can change at run time (to play a receiver that is down), and records every request.
 */
public final class WebhookReceiver implements Closeable {

  private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile Consumer<Request> listener = request -> { };

  /**
   * One POST as it arrived.
   *
   * @param headers by lower-case name
   * @param status what the receiver answered: only a 2xx acknowledges the POST
   */
  public record Request(String path, Map<String, List<String>> headers, String body, Instant receivedAt, int status) {

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).flatMap(values -> values.stream().findFirst());
    }
  }

  /** A receiver on {@code 127.0.0.1:port}, 0 for a free port; it listens from now on. */
  public WebhookReceiver(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port + (port == 0 ? "" : " (is it taken? choose another port)"), e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A receiver on a free port of 127.0.0.1. */
  public static WebhookReceiver start() {
    return new WebhookReceiver(0);
  }

  /** The status every later POST gets, e.g. 503 to play a receiver that is down, 200 to bring it back. */
  public WebhookReceiver respondWith(int status) {
    this.status = status;
    return this;
  }

  /** Called with each POST after it is recorded, on the request's thread; for logging deliveries. */
  public WebhookReceiver onRequest(Consumer<Request> listener) {
    this.listener = listener;
    return this;
  }

  /** The POSTs received so far, oldest first; a snapshot. */
  public List<Request> received() {
    return List.copyOf(received);
  }

  /** Forgets the POSTs received so far. */
  public void clear() {
    received.clear();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>} */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** {@code http://127.0.0.1:<port>/<path>} */
  public String url(String path) {
    return url() + (path.startsWith("/") ? path : "/" + path);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      // Read once: the answer recorded is the answer sent, even when respondWith() is called meanwhile.
      int answer = status;
      Request request = new Request(exchange.getRequestURI().getRawPath(), Map.copyOf(headers), body, Instant.now(), answer);
      received.add(request);
      try {
        listener.accept(request);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Webhook listener failed on " + request.path(), e);
      }
      exchange.sendResponseHeaders(answer, -1);
    }
  }
}
