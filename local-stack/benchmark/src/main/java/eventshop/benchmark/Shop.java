package eventshop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The two calls the benchmark makes to the shop over loopback: place an order, restock the product it orders. */
final class Shop {

    static final String SKU = "ESP-001";
    /** StockReplenished's largest quantity. */
    private static final int MAX_RESTOCK = 10_000;
    /** The most stock a product may hold (inventory answers 409 beyond). */
    private static final long MAX_STOCK = 1_000_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String ordersUrl;
    private final String inventoryUrl;
    private final String staffAuthorization;
    private final byte[] orderBody;

    Shop(ObjectMapper json, String ordersUrl, String inventoryUrl, String staffUser, String staffPassword) {
        this.json = json;
        this.ordersUrl = ordersUrl;
        this.inventoryUrl = inventoryUrl;
        this.staffAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((staffUser + ":" + staffPassword).getBytes(StandardCharsets.UTF_8));
        ObjectNode body = json.createObjectNode();
        body.putObject("customer").put("name", "Bench Mark").put("email", "bench@example.com");
        body.putArray("lines").addObject().put("sku", SKU).put("quantity", 1);
        try {
            this.orderBody = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /orders} (ESP-001 × 1, a fresh Idempotency-Key); the new order's id. */
    String placeOrder() throws ShopException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ordersUrl + "/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(orderBody)).build();
        JsonNode order = send(request, 201);
        JsonNode id = order.get("id");
        if (id == null || !id.isTextual()) {
            throw new ShopException("answer without an id");
        }
        return id.asText();
    }

    /**
     * Tops ESP-001's stock up to {@code quantity} (at most the shop's limit), so no order of the phase is rejected for
     * want of stock and runs after runs never push the stock over the limit.
     */
    void restock(long quantity) throws ShopException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(inventoryUrl + "/products/" + SKU))
                .timeout(Duration.ofSeconds(10)).header("Authorization", staffAuthorization).GET().build();
        long stock = send(get, 200).path("stock").asLong();
        for (long left = Math.min(quantity, MAX_STOCK) - stock; left > 0; left -= MAX_RESTOCK) {
            ObjectNode body = json.createObjectNode().put("quantity", Math.min(left, MAX_RESTOCK));
            HttpRequest request = HttpRequest.newBuilder(URI.create(inventoryUrl + "/products/" + SKU + "/restock"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Authorization", staffAuthorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))).build();
            send(request, 200);
        }
    }

    private byte[] bytes(JsonNode node) throws ShopException {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new ShopException("cannot write JSON: " + e.getMessage());
        }
    }

    private JsonNode send(HttpRequest request, int expected) throws ShopException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ShopException("timeout");
        } catch (IOException e) {
            throw new ShopException(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopException("interrupted");
        }
        if (response.statusCode() != expected) {
            throw new ShopException("HTTP " + response.statusCode(),
                    request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ShopException("unreadable JSON answer");
        }
    }

    /** A failed call; {@link #kind} groups failures in the results (status code, timeout, exception). */
    static final class ShopException extends Exception {
        final String kind;

        ShopException(String kind) {
            this(kind, kind);
        }

        ShopException(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }
}
