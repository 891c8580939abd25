package eventshop.orders;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.OrderPlaced;
import eventshop.events.Topics;
import eventshop.orders.api.OrderController;
import eventshop.testing.Http;
import eventshop.testing.KafkaTestClient;
import eventshop.testing.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static eventshop.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The order API end to end: real HTTP, real PostgreSQL, real broker (events checked on shop.orders). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderApiTest extends OrdersServiceFixture {

    private KafkaTestClient.TopicWatcher orders;
    private final ListAppender<ILoggingEvent> accessLog = new ListAppender<>();

    OrderApiTest() {
        super("orders");
    }

    @BeforeAll
    void setUp() {
        orders = kafka.watch(List.of(Topics.ORDERS));
        accessLog.start();
        ((Logger) LoggerFactory.getLogger("eventshop.access")).addAppender(accessLog);
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        ((Logger) LoggerFactory.getLogger("eventshop.access")).detachAppender(accessLog);
        orders.close();
    }

    static String order(String name, String email, String... skuQuantities) {
        String lines = IntStream.range(0, skuQuantities.length / 2)
                .mapToObj(i -> "{\"sku\":\"" + skuQuantities[2 * i] + "\",\"quantity\":" + skuQuantities[2 * i + 1] + "}")
                .collect(Collectors.joining(","));
        return "{\"customer\":{\"name\":\"" + name + "\",\"email\":\"" + email + "\"},\"lines\":[" + lines + "]}";
    }

    Http.Reply place(String body) {
        return http.send(HttpRequest.POST("/orders", body));
    }

    @Test
    void placesAPricedPendingOrderAndPublishesOrderPlacedWithTheRequestId() {
        Http.Reply reply = http.send(HttpRequest.POST("/orders",
                        order("Ana <b>Lima</b>", "ana@example.com", "TEST-ESP", "2", "TEST-LAT", "1"))
                .header(EventHeaders.HTTP_REQUEST_ID, "req-place-1"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().get(EventHeaders.HTTP_REQUEST_ID)).isEqualTo("req-place-1");
        JsonNode body = reply.json();
        String id = body.get("id").getStringValue();
        assertThat(reply.headers().get("Location")).isEqualTo("/orders/" + id);
        assertThat(body.get("status").getStringValue()).isEqualTo("PENDING");
        assertThat(body.get("customer").get("name").getStringValue()).isEqualTo("Ana <b>Lima</b>");
        assertThat(body.get("lines").size()).isEqualTo(2);
        JsonNode first = body.get("lines").get(0);
        assertThat(first.get("productName").getStringValue()).isEqualTo("Espresso");
        assertThat(first.get("unitPrice").getNumberValue().toString()).isEqualTo("2.5");
        assertThat(new BigDecimal(first.get("lineTotal").getNumberValue().toString())).isEqualByComparingTo("5.00");
        assertThat(new BigDecimal(body.get("total").getNumberValue().toString())).isEqualByComparingTo("8.20");
        assertThat(body.get("currency").getStringValue()).isEqualTo("EUR");
        assertThat(body.get("history").size()).isEqualTo(1);
        assertThat(body.get("history").get(0).get("status").getStringValue()).isEqualTo("PENDING");
        assertThat(body.get("links").get("cancel").getStringValue()).isEqualTo("/orders/" + id + "/cancel");

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordFor(id, "OrderPlaced"), r -> r != null);
        assertThat(header(record, EventHeaders.CORRELATION_ID)).isEqualTo("req-place-1");
        EventEnvelope envelope = codec.decode(record.value());
        assertThat(envelope.correlationId()).isEqualTo("req-place-1");
        assertThat(envelope.source()).isEqualTo("orders-service");
        OrderPlaced placed = envelope.dataAs(OrderPlaced.class);
        assertThat(placed.customer().email()).isEqualTo("ana@example.com");
        assertThat(placed.lines()).extracting(l -> l.sku() + "x" + l.quantity() + "@" + l.unitPrice())
                .containsExactly("TEST-ESPx2@2.50", "TEST-LATx1@3.20");
        assertThat(placed.total()).isEqualByComparingTo("8.20");

        assertThat(accessLog.list).anySatisfy(line -> {
            assertThat(line.getFormattedMessage()).startsWith("POST /orders -> 201");
            assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", "req-place-1");
        });
    }

    @Test
    void makesARequestIdWhenTheClientSendsNone() {
        Http.Reply reply = place(order("Bo", "bo@example.com", "TEST-ESP", "1"));
        String requestId = reply.headers().get(EventHeaders.HTTP_REQUEST_ID);
        assertThat(requestId).isNotBlank();
        String id = reply.json().get("id").getStringValue();
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordFor(id, "OrderPlaced"), r -> r != null);
        assertThat(header(record, EventHeaders.CORRELATION_ID)).isEqualTo(requestId);
    }

    @Test
    void readsAnOrderAndListsOrdersNewestFirstFilteredAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(place(order("Pager " + i, "pager@example.com", "TEST-BEANS", "1")).json().get("id").getStringValue());
        }
        Http.Reply one = http.send(HttpRequest.GET("/orders/" + ids.get(0)));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("customer").get("name").getStringValue()).isEqualTo("Pager 0");
        assertThat(one.json().get("history").get(0).get("at").getStringValue()).isNotBlank();

        Http.Reply firstPage = http.send(HttpRequest.GET("/orders?status=PENDING&page=0&size=2").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.json().get("size").getIntValue()).isEqualTo(2);
        assertThat(firstPage.json().get("page").getIntValue()).isZero();
        assertThat(firstPage.json().get("total").getLongValue()).isGreaterThanOrEqualTo(3);
        List<String> firstIds = ids(firstPage);
        assertThat(firstIds).containsExactly(ids.get(2), ids.get(1));
        List<String> secondIds = ids(http.send(HttpRequest.GET("/orders?status=PENDING&page=1&size=2").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)));
        assertThat(secondIds).first().isEqualTo(ids.get(0));

        assertThat(http.send(HttpRequest.GET("/orders?status=CONFIRMED").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)).json().get("items").size()).isZero();
        assertThat(ids(http.send(HttpRequest.GET("/orders").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)))).contains(ids.toArray(String[]::new));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameOrder() {
        String body = order("Retry", "retry@example.com", "TEST-LAT", "3");
        String key = "key-" + UUID.randomUUID();
        Http.Reply first = http.send(HttpRequest.POST("/orders", body).header(OrderController.IDEMPOTENCY_KEY, key));
        Http.Reply second = http.send(HttpRequest.POST("/orders", body).header(OrderController.IDEMPOTENCY_KEY, key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        String id = first.json().get("id").getStringValue();
        assertThat(second.json().get("id").getStringValue()).isEqualTo(id);
        assertThat(first.headers().get(OrderController.IDEMPOTENT_REPLAY)).isEqualTo("false");
        assertThat(second.headers().get(OrderController.IDEMPOTENT_REPLAY)).isEqualTo("true");

        Http.Reply different = http.send(HttpRequest.POST("/orders", order("Retry", "retry@example.com", "TEST-LAT", "4"))
                .header(OrderController.IDEMPOTENCY_KEY, key));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.text("detail")).contains(key);

        await().atMost(Duration.ofSeconds(20)).until(() -> recordFor(id, "OrderPlaced") != null);
        assertThat(records(id, "OrderPlaced")).hasSize(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneOrder() {
        String body = order("Race", "race@example.com", "TEST-ESP", "1");
        String key = "race-" + UUID.randomUUID();
        List<CompletableFuture<Http.Reply>> calls = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> http.send(HttpRequest.POST("/orders", body).header(OrderController.IDEMPOTENCY_KEY, key))))
                .toList();
        Set<String> ids = calls.stream().map(CompletableFuture::join)
                .peek(reply -> assertThat(reply.status()).isEqualTo(201))
                .map(reply -> reply.json().get("id").getStringValue()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
    }

    @Test
    void concurrentDifferentOrdersWithOneIdempotencyKeyCreateOneAndRefuseTheOthers() {
        String key = "clash-" + UUID.randomUUID();
        List<CompletableFuture<Http.Reply>> calls = IntStream.rangeClosed(1, 4).mapToObj(quantity ->
                CompletableFuture.supplyAsync(() -> http.send(HttpRequest.POST("/orders",
                        order("Clash", "clash@example.com", "TEST-ESP", String.valueOf(quantity)))
                        .header(OrderController.IDEMPOTENCY_KEY, key)))).toList();
        List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(Http.Reply::status).toList();

        assertThat(statuses).containsExactlyInAnyOrder(201, 422, 422, 422);
        assertThat(database.queryLong("SELECT count(*) FROM customer_order WHERE idempotency_key = ?", key))
                .isEqualTo(1);
    }

    @Test
    void theOriginalCoffeeOrderApiStillWorks() {
        Http.Reply reply = http.send(HttpRequest.POST("/order",
                "{\"customer_name\":\"Jean Dupont\",\"coffee_type\":\"espresso\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("success").getBooleanValue()).isTrue();
        assertThat(reply.text("msg")).isEqualTo("Order for Jean Dupont placed successfully!");
        String id = reply.text("orderId");
        JsonNode order = http.send(HttpRequest.GET("/orders/" + id)).json();
        assertThat(order.get("customer").get("email").getStringValue()).isEqualTo("jean.dupont@legacy.invalid");
        assertThat(order.get("lines").size()).isEqualTo(1);
        assertThat(order.get("lines").get(0).get("sku").getStringValue()).isEqualTo("TEST-ESP");
        assertThat(order.get("lines").get(0).get("quantity").getIntValue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> recordFor(id, "OrderPlaced") != null);
    }

    @Test
    void theOriginalApiNamesWhatCanBeOrderedWhenTheCoffeeIsUnknown() {
        Http.Reply reply = http.send(HttpRequest.POST("/order",
                "{\"customer_name\":\"Jean Dupont\",\"coffee_type\":\"Frappuccino\"}"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("success").getBooleanValue()).isFalse();
        assertThat(reply.text("msg")).contains("Frappuccino").contains("Espresso").contains("Caffè Latte");

        Http.Reply blank = http.send(HttpRequest.POST("/order", "{\"customer_name\":\" \",\"coffee_type\":\"Espresso\"}"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("success").getBooleanValue()).isFalse();
        assertThat(blank.json().get("violations").get(0).get("field").getStringValue()).isEqualTo("customer_name");
    }

    @Test
    void servesTheCatalogReplica() {
        JsonNode catalog = http.send(HttpRequest.GET("/catalog")).json();
        JsonNode espresso = null;
        for (JsonNode product : catalog.values()) {
            if (product.get("sku").getStringValue().equals("TEST-ESP")) {
                espresso = product;
            }
        }
        assertThat(espresso).isNotNull();
        assertThat(espresso.get("name").getStringValue()).isEqualTo("Espresso");
        assertThat(espresso.get("currency").getStringValue()).isEqualTo("EUR");
        assertThat(espresso.get("stock").getIntValue()).isEqualTo(50);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        Http.Reply health = http.send(HttpRequest.GET("/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(http.send(HttpRequest.GET("/health/liveness")).status()).isEqualTo(200);
        Http.Reply readiness = http.send(HttpRequest.GET("/health/readiness").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("details").get("jdbc").get("status").getStringValue()).isEqualTo("UP");
        assertThat(readiness.json().get("details").get("kafka").get("status").getStringValue()).isEqualTo("UP");

        place(order("Metric", "metric@example.com", "TEST-ESP", "1"));
        String prometheus = http.send(HttpRequest.GET("/prometheus")).body();
        assertThat(prometheus).contains("eventshop_orders_placed_total", "eventshop_orders_confirmed_total",
                "eventshop_orders_rejected_total", "eventshop_orders_cancelled_total", "eventshop_outbox_pending",
                "eventshop_outbox_oldest_age_seconds");
        assertThat(metricValue(prometheus, "eventshop_orders_placed_total")).isGreaterThanOrEqualTo(1);
        assertThat(DashboardMetrics.missingFrom(prometheus, jsonMapper)).as("metrics the Grafana dashboard queries").isEmpty();

        Http.Reply openApi = http.send(HttpRequest.GET("/openapi.yml"));
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/orders/{id}/cancel", "/order:", "PlaceOrderRequest");
    }

    @Test
    void corsAllowsLocalOriginsOnlyByDefault() {
        Http.Reply allowed = preflight(http, "http://localhost:8080");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers().get("Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");

        Http.Reply refused = preflight(http, "http://evil.example");
        assertThat(refused.headers().get("Access-Control-Allow-Origin")).isNull();
        assertThat(refused.status()).isEqualTo(403);
    }

    /** A browser's CORS preflight for placing an order from a page of {@code origin}. */
    static Http.Reply preflight(Http http, String origin) {
        return http.send(HttpRequest.OPTIONS("/orders").header("Origin", origin)
                .header("Access-Control-Request-Method", "POST"));
    }

    private static List<String> ids(Http.Reply page) {
        List<String> ids = new ArrayList<>();
        page.json().get("items").values().forEach(item -> ids.add(item.get("id").getStringValue()));
        return ids;
    }

    private ConsumerRecord<String, byte[]> recordFor(String orderId, String type) {
        List<ConsumerRecord<String, byte[]>> found = records(orderId, type);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> records(String orderId, String type) {
        return orders.records().stream().filter(r -> orderId.equals(r.key()))
                .filter(r -> type.equals(header(r, EventHeaders.EVENT_TYPE))).toList();
    }

    static double metricValue(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
