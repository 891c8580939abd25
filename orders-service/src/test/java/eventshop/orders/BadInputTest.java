package eventshop.orders;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eventshop.events.EventHeaders;
import eventshop.testing.Http;
import eventshop.testing.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static eventshop.orders.OrderApiTest.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request gets a 4xx RFC 7807 problem naming what is wrong, never a 5xx or a stack trace, and
 * leaves nothing behind in the database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends OrdersServiceFixture {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String VALID = order("Ana", "ana@example.com", "TEST-ESP", "1");

    BadInputTest() {
        super("orders");
    }

    @Override
    protected Map<String, String> properties() {
        return Map.of("test.failing-controller", "true",
                "EVENTSHOP_CORS_ALLOWED_ORIGINS_REGEX", "^https://shop\\.example$");
    }

    Stream<Arguments> badOrders() {
        String lines21 = IntStream.range(0, 21).mapToObj(i -> "{\"sku\":\"S" + i + "\",\"quantity\":1}")
                .collect(Collectors.joining(","));
        return Stream.of(
                bad("missing name", "{\"customer\":{\"email\":\"a@example.com\"},\"lines\":[{\"sku\":\"TEST-ESP\",\"quantity\":1}]}",
                        "customer.name"),
                bad("blank name", order("   ", "a@example.com", "TEST-ESP", "1"), "customer.name"),
                bad("name too long", order("x".repeat(101), "a@example.com", "TEST-ESP", "1"), "customer.name"),
                bad("invalid e-mail", order("Ana", "not-an-email", "TEST-ESP", "1"), "customer.email"),
                bad("missing customer", "{\"lines\":[{\"sku\":\"TEST-ESP\",\"quantity\":1}]}", "customer"),
                bad("no lines", "{\"customer\":{\"name\":\"Ana\",\"email\":\"a@example.com\"},\"lines\":[]}", "lines"),
                bad("lines missing", "{\"customer\":{\"name\":\"Ana\",\"email\":\"a@example.com\"}}", "lines"),
                bad("21 lines", "{\"customer\":{\"name\":\"Ana\",\"email\":\"a@example.com\"},\"lines\":[" + lines21 + "]}",
                        "lines"),
                bad("a null line", "{\"customer\":{\"name\":\"Ana\",\"email\":\"a@example.com\"},\"lines\":[null]}",
                        "lines[0]"),
                bad("quantity 0", order("Ana", "a@example.com", "TEST-ESP", "0"), "lines[0].quantity"),
                bad("quantity negative", order("Ana", "a@example.com", "TEST-ESP", "-3"), "lines[0].quantity"),
                bad("quantity over 100", order("Ana", "a@example.com", "TEST-ESP", "101"), "lines[0].quantity"),
                bad("quantity missing", "{\"customer\":{\"name\":\"Ana\",\"email\":\"a@example.com\"},\"lines\":[{\"sku\":\"TEST-ESP\"}]}",
                        "lines[0].quantity"),
                bad("blank sku", order("Ana", "a@example.com", " ", "1"), "lines[0].sku"),
                bad("unknown SKU", order("Ana", "a@example.com", "TEST-ESP", "1", "NO-SUCH", "1"), "lines[1].sku"),
                bad("duplicate SKU", order("Ana", "a@example.com", "TEST-ESP", "1", "TEST-ESP", "2"), "lines[1].sku"),
                bad("several bad fields", order("", "nope", "TEST-ESP", "0"),
                        "customer.name", "customer.email", "lines[0].quantity"),
                bad("quantity not a number", order("Ana", "a@example.com", "TEST-ESP", "\"many\""),
                        "lines[0].quantity"),
                bad("quantity a fraction", order("Ana", "a@example.com", "TEST-ESP", "1.5"), "lines[0].quantity"),
                bad("quantity a number in a string", order("Ana", "a@example.com", "TEST-ESP", "\"2\""),
                        "lines[0].quantity"),
                bad("quantity 2.0", order("Ana", "a@example.com", "TEST-ESP", "2.0"), "lines[0].quantity"),
                bad("malformed JSON", "{\"customer\": {\"name\": ", "body"),
                bad("JSON of the wrong shape", "[1,2,3]", "body"));
    }

    private static Arguments bad(String name, String body, String... fields) {
        return Arguments.of(name, body, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void aBadOrderIsRefusedNamingEachBadField(String name, String body, List<String> fields) {
        Http.Reply reply = refusedWithoutTrace(() -> HttpRequest.POST("/orders", body), 400);
        List<String> named = new ArrayList<>();
        reply.json().get("violations").values().forEach(v -> named.add(v.get("field").getStringValue()));
        assertThat(named).as(reply.body()).containsAll(fields);
    }

    Stream<Arguments> badRequests() {
        return Stream.<Arguments>of(
                request("malformed JSON", () -> HttpRequest.POST("/orders", "{\"customer\": {\"name\": "), 400),
                request("JSON of the wrong shape", () -> HttpRequest.POST("/orders", "[1,2,3]"), 400),
                request("quantity not a number",
                        () -> HttpRequest.POST("/orders", order("Ana", "a@example.com", "TEST-ESP", "\"many\"")), 400),
                request("no body", () -> HttpRequest.POST("/orders", ""), 400),
                request("JSON null", () -> HttpRequest.POST("/orders", "null"), 400),
                request("wrong content type",
                        () -> HttpRequest.POST("/orders", VALID).contentType(MediaType.TEXT_PLAIN_TYPE), 415),
                request("oversized body", () -> HttpRequest.POST("/orders",
                        order("x".repeat(70_000), "a@example.com", "TEST-ESP", "1")), 413),
                request("Idempotency-Key too long",
                        () -> HttpRequest.POST("/orders", VALID).header("Idempotency-Key", "k".repeat(101)), 400),
                request("unknown order", () -> HttpRequest.GET("/orders/" + UUID.randomUUID()), 404),
                request("non-UUID order id", () -> HttpRequest.GET("/orders/42"), 400),
                request("cancel unknown order", () -> HttpRequest.POST("/orders/" + UUID.randomUUID() + "/cancel", "{}"), 404),
                request("cancel non-UUID", () -> HttpRequest.POST("/orders/not-a-uuid/cancel", "{}"), 400),
                request("cancel reason too long", () -> HttpRequest.POST("/orders/" + UUID.randomUUID() + "/cancel",
                        "{\"reason\":\"" + "r".repeat(501) + "\"}"), 400),
                request("unknown status filter", () -> HttpRequest.GET("/orders?status=SHIPPED").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), 400),
                request("page size 0", () -> HttpRequest.GET("/orders?size=0").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), 400),
                request("page size over 100", () -> HttpRequest.GET("/orders?size=101").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), 400),
                request("negative page", () -> HttpRequest.GET("/orders?page=-1").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD), 400),
                request("legacy malformed JSON", () -> HttpRequest.POST("/order", "{\"customer_name\":"), 400),
                request("legacy missing coffee", () -> HttpRequest.POST("/order", "{\"customer_name\":\"Jean\"}"), 400));
    }

    private static Arguments request(String name, Supplier<MutableHttpRequest<?>> request, int status) {
        return Arguments.of(new BadRequest(name, request, status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsAProblemNotAStackTrace(BadRequest bad) {
        Http.Reply reply = refusedWithoutTrace(bad.request(), bad.status());
        assertThat(reply.json().get("status").getIntValue()).isEqualTo(bad.status());
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutInternalsAndLoggedUnderTheRequestId() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        Http.Reply reply;
        try {
            reply = http.send(HttpRequest.GET("/test-failures/boom").header(EventHeaders.HTTP_REQUEST_ID, "req-boom"));
        } finally {
            root.detachAppender(log);
        }
        List<ILoggingEvent> errors = log.list.stream().filter(line -> line.getLevel() == Level.ERROR).toList();
        assertThat(errors).as("the failure is logged once, with its cause, under the request id the client was given")
                .singleElement().satisfies(line -> {
                    assertThat(line.getThrowableProxy().getMessage()).contains("secret internals");
                    assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", "req-boom");
                });
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith(PROBLEM_JSON);
        assertThat(reply.body()).doesNotContain("hunter2", "jdbc", "IllegalStateException", "at eventshop");
        assertThat(reply.text("detail")).contains("req-boom");
        assertThat(reply.headers().get(EventHeaders.HTTP_REQUEST_ID)).isEqualTo("req-boom");
    }

    @Test
    void corsOriginsAreTheOnesTheEnvironmentAllows() {
        Http.Reply allowed = OrderApiTest.preflight(http, "https://shop.example");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers().get("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");

        Http.Reply local = OrderApiTest.preflight(http, "http://localhost:8080");
        assertThat(local.headers().get("Access-Control-Allow-Origin")).as("the default origins no longer apply")
                .isNull();
        assertThat(local.status()).isBetween(400, 499);
    }

    private Http.Reply refusedWithoutTrace(Supplier<MutableHttpRequest<?>> request, int status) {
        Map<String, Long> before = rowCounts();
        Http.Reply reply = http.send(request.get());
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.body()).startsWith(PROBLEM_JSON);
        assertThat(reply.json().isObject()).as(reply.body()).isTrue();
        assertThat(reply.body()).doesNotContain("Exception", "\tat ", "eventshop.", "io.micronaut");
        assertThat(rowCounts()).as("nothing half-written").isEqualTo(before);
        return reply;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("customer_order", "order_line", "order_status_change", "outbox")) {
            counts.put(table, database.queryLong("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** One bad request; a record so JUnit, not Micronaut, resolves it as a parameter. */
    record BadRequest(String name, Supplier<MutableHttpRequest<?>> request, int status) {
        @Override
        public String toString() {
            return name;
        }
    }
}
