package eventshop.webui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test scaffolding for the UI layer: a real HTTP server on a free port standing in for one backend service, answering
 * canned JSON per "METHOD /path" and recording what it was sent. It can be stopped and started again on the same
 * port to show the UI a service that is down. The whole-system checks with the real services are in e2e-tests.
 */
public final class FakeBackend implements AutoCloseable {

    public record Response(int status, String contentType, String body) {
        public static Response json(String body) {
            return new Response(200, "application/json", body);
        }

        public static Response problem(int status, String body) {
            return new Response(status, "application/problem+json", body);
        }
    }

    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    public FakeBackend() {
        start(0);
        this.port = server.getAddress().getPort();
        answer("GET", "/health", Response.json("{\"status\":\"UP\"}"));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public FakeBackend answer(String method, String path, Response response) {
        routes.put(method + " " + path, response);
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public void stop() {
        server.stop(0);
    }

    public void restart() {
        start(port);
    }

    private void start(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Response response = routes.getOrDefault(exchange.getRequestMethod() + " " + path,
                Response.problem(404, "{\"title\":\"Not Found\",\"status\":404}"));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
