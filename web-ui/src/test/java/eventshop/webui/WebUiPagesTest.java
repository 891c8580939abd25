package eventshop.webui;

import eventshop.api.orders.v1.CancelOrderRequest;
import eventshop.api.orders.v1.ListOrdersRequest;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import eventshop.webui.FakeBackend.Response;
import eventshop.webui.live.LiveEvent;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import eventshop.webui.security.CsrfTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The pages against real backends standing in for the three services: HTTP ({@link FakeBackend}) and, for the
 * orders, gRPC ({@link FakeOrders}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiPagesTest implements TestPropertyProvider {

    private static final String TOKEN = new CsrfTokens(StaffSession.SIGNING_SECRET).newToken();

    private final FakeBackends backends = new FakeBackends();
    private final FakeOrders orders = backends.orders;
    private final FakeBackend catalog = backends.catalog;
    private final FakeBackend inventory = backends.inventory;
    private final FakeBackend audit = backends.audit;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Inject
    @Client("/")
    SseClient sseClient;

    @Inject
    io.micronaut.json.JsonMapper jsonMapper;

    @Override
    public Map<String, String> getProperties() {
        orders.list(Fixtures.orderPage())
                .order(Fixtures.order(Fixtures.ORDER_ID, "CONFIRMED", "Ada Lovelace"))
                .order(Fixtures.order(Fixtures.XSS_ORDER_ID, "PENDING", Fixtures.XSS_NAME))
                .answer("PlaceOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "PENDING", "Ada Lovelace"));
        catalog.answer("GET", "/catalog", Response.json("[]"));
        inventory.answer("GET", "/products", Response.json(Fixtures.products()))
                .answer("POST", "/products/ESP/restock", Response.json("""
                        {"sku":"ESP","name":"Espresso","description":"","price":2.5,"currency":"EUR","stock":50,
                         "lowWaterMark":5,"lowStock":false}"""))
                .answer("GET", "/notifications", Response.json(Fixtures.notifications()));
        audit.answer("GET", "/audit/orders/" + Fixtures.ORDER_ID + "/timeline",
                        Response.json(Fixtures.timeline(Fixtures.ORDER_ID)))
                .answer("GET", "/audit/events", Response.json(Fixtures.journal()))
                .answer("GET", "/audit/stats", Response.json(Fixtures.stats()));
        return backends.properties();
    }

    private StaffSession staff;

    @org.junit.jupiter.api.BeforeAll
    void signIn() {
        staff = StaffSession.signIn(client, TOKEN);
    }

    @AfterAll
    void stopBackends() {
        backends.close();
    }

    @Test
    void shopShowsAProductCardPerProductWithItsStockBadge() {
        Document page = Jsoup.parse(client.toBlocking().retrieve("/"));
        assertThat(page.select("article.product").size()).isEqualTo(2);
        assertThat(page.select("article.product[data-sku=MUG] .badge").text()).contains("Low stock");
    }

    @Test
    void shopIssuesTheCsrfCookieItsOrderFormCarries() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        Document page = Jsoup.parse(response.body());
        String cookie = response.getHeaders().get("Set-Cookie");
        assertThat(cookie).isNotNull();
        assertThat(cookie.contains("eventshop_csrf=") && cookie.contains("SameSite=Strict")
                && cookie.contains("HTTPOnly") || cookie.contains("HttpOnly")).as(cookie).isTrue();
        String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(page.select("#order-form input[name=_csrf]").val()).isEqualTo(token);
    }

    /** Every page, as served, passes the Nu Html Checker with no error (warnings are allowed). */
    @Test
    void everyPageIsValidHtml() throws Exception {
        nu.validator.client.EmbeddedValidator validator = new nu.validator.client.EmbeddedValidator();
        validator.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        String broken = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><ul><div>x</div></ul>";
        assertThat(validator.validate(new java.io.ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))
                .contains("\"type\":\"error\"")).as("the checker reports an error where there is one").isTrue();
        Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
        for (String path : List.of("/", "/orders", "/orders/" + Fixtures.ORDER_ID, "/inventory", "/notifications",
                "/audit", "/architecture")) {
            String html = client.toBlocking().retrieve(HttpRequest.GET(path).cookie(staff.cookie()), String.class);
            String report = validator.validate(new java.io.ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> found = new java.util.ArrayList<>();
            for (JsonNode message : jsonMapper.readValue(report, JsonNode.class).get("messages").values()) {
                if ("error".equals(message.get("type").getStringValue())) {
                    found.add("line " + message.get("lastLine").getValue() + ": " + message.get("message").getStringValue());
                }
            }
            if (!found.isEmpty()) {
                errors.put(path, found);
            }
        }
        assertThat(errors.isEmpty()).as("HTML errors per page: " + errors).isTrue();
    }

    /** Prometheus scrapes web-ui like the back-ends; the dashboard's JVM and HTTP panels read these series. */
    @Test
    void prometheusGetsTheJvmAndHttpMetrics() {
        client.toBlocking().exchange(HttpRequest.GET("/orders").cookie(staff.cookie()), String.class);
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        String metrics = response.body();
        assertThat(metrics).as("JVM memory").contains("jvm_memory_used_bytes{");
        assertThat(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("uri=\"/orders\""))).as("HTTP timings of the pages").isTrue();
        assertThat(metrics).as("uptime").contains("process_uptime_seconds");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertThat(response.getHeaders().get("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.getHeaders().get("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().get("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void aFormWithoutTheMatchingCsrfTokenIsRefused() {
        long postsBefore = posts();
        HttpClientResponseException missing = assertStatus(HttpStatus.FORBIDDEN, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=1")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertThat(missing.getResponse().getBody(String.class).orElse("")).contains("expired");
        assertStatus(HttpStatus.FORBIDDEN, () -> client.toBlocking().exchange(staff.form("/orders",
                "name=Ada&email=ada%40example.com&sku=ESP&quantity=1", "wrong", TOKEN), String.class));
        assertThat(posts()).as("nothing reached orders-service").isEqualTo(postsBefore);
    }

    /** Commands orders-service has received so far (other tests of this class place and cancel orders too). */
    private long posts() {
        return orders.calls("PlaceOrder").size() + orders.calls("CancelOrder").size();
    }

    /** As a browser may: the headers in one packet, the form body later (the filter must wait for it). */
    @Test
    void aFormWhoseBodyArrivesAfterItsHeadersIsChecked() throws Exception {
        String body = form("/inventory/ESP/restock", "quantity=10").getBody().orElseThrow();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /inventory/ESP/restock HTTP/1.1\r\nHost: localhost\r\nCookie: eventshop_csrf=" + TOKEN
                    + "; " + staff.cookie().getName() + "=" + staff.cookie().getValue()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            await().atMost(java.time.Duration.ofSeconds(5)).pollDelay(java.time.Duration.ofMillis(300)).until(() -> true);
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertThat(statusLine).isEqualTo("HTTP/1.1 303 See Other");
        }
    }

    @Test
    void anInvalidFormShowsFieldErrorsAndKeepsTheInput() {
        HttpClientResponseException e = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/orders", "name=Ada+Lovelace&email=not-an-email&sku=ESP&quantity=abc&sku=MUG"
                        + "&quantity=2"), String.class));
        Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
        assertThat(page.select("input[name=name]").val()).isEqualTo("Ada Lovelace");
        assertThat(page.select("input[name=email]").val()).isEqualTo("not-an-email");
        assertThat(page.select("label.invalid").text()).contains("This is not an e-mail address.");
        assertThat(page.select("li.line").size()).isEqualTo(2);
        assertThat(page.select("li.line").get(0).select("input[name=quantity]").val()).isEqualTo("abc");
        assertThat(page.select("li.line").get(0).text()).contains("A whole number from 1 to 100.");
        assertThat(page.select("li.line").get(1).select("select option[selected]").val()).isEqualTo("MUG");
    }

    /** The form's rule is orders-service's (1 to 100 per line): 100 is sent, 101 is refused before sending. */
    @Test
    void theQuantityRuleIsOrdersServicesRule() {
        int before = orders.calls("PlaceOrder").size();
        HttpResponse<String> hundred = client.toBlocking().exchange(form("/orders",
                "name=Ada&email=ada%40example.com&sku=ESP&quantity=100"), String.class);
        assertThat(hundred.getStatus().getCode()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        assertThat(orders.calls("PlaceOrder").stream().skip(before).map(c -> (PlaceOrderRequest) c.request())
                .anyMatch(r -> r.getLines(0).getSku().equals("ESP") && r.getLines(0).getQuantity() == 100)).isTrue();

        HttpClientResponseException tooMany = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=101"),
                        String.class));
        Document page = Jsoup.parse(tooMany.getResponse().getBody(String.class).orElseThrow());
        assertThat(page.select("li.line .error").text()).isEqualTo("A whole number from 1 to 100.");
        assertThat(page.select("li.line input[name=quantity]").val()).isEqualTo("101");
    }

    @Test
    void placingAnOrderCallsOrdersServiceWithARequestIdAndRedirectsToTheOrder() {
        HttpResponse<String> response = client.toBlocking().exchange(form("/orders",
                "name=Ada+Lovelace&email=ada%40example.com&sku=ESP&quantity=2&sku=MUG&quantity=1"),
                String.class);
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        assertThat(response.getHeaders().get("Location")).isEqualTo("/orders/" + Fixtures.ORDER_ID);
        List<FakeOrders.Recorded> placed = orders.calls("PlaceOrder");
        FakeOrders.Recorded call = placed.get(placed.size() - 1);
        // the click's request id is the one orders-service gets (and puts on every event of the order)
        assertThat(call.header("X-Request-Id")).isEqualTo(response.getHeaders().get("X-Request-Id"));
        UUID.fromString(call.header("X-Request-Id"));
        PlaceOrderRequest request = (PlaceOrderRequest) call.request();
        assertThat(request.getCustomer().getName()).isEqualTo("Ada Lovelace");
        assertThat(request.getLinesList().stream()
                .map(l -> l.getSku() + ":" + l.getQuantity()).toList()).isEqualTo(List.of("ESP:2", "MUG:1"));
    }

    @Test
    void aFieldViolationFromOrdersServiceIsShownNextToTheLineItNames() {
        // as orders-service refuses: INVALID_ARGUMENT with a google.rpc.BadRequest naming the field
        com.google.rpc.BadRequest badRequest = com.google.rpc.BadRequest.newBuilder().addFieldViolations(
                com.google.rpc.BadRequest.FieldViolation.newBuilder().setField("lines[0].sku")
                        .setDescription("unknown SKU 'NOPE'")).build();
        StatusRuntimeException refusal = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage("lines[0].sku: unknown SKU 'NOPE'")
                .addDetails(com.google.protobuf.Any.pack(badRequest)).build());
        orders.answer("PlaceOrder", () -> {
            throw refusal;
        });
        try {
            HttpClientResponseException e = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                    .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=NOPE&quantity=1"),
                            String.class));
            Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
            assertThat(page.select("li.line").get(0).text()).contains("unknown SKU 'NOPE'");
            assertThat(page.select("input[name=name]").val()).isEqualTo("Ada");
        } finally {
            orders.answer("PlaceOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "PENDING", "Ada Lovelace"));
        }
    }

    /** A refusal without field violations goes next to the line whose SKU it names. */
    @Test
    void aRefusalNamingAProductIsShownNextToItsLine() {
        orders.answer("PlaceOrder", FakeOrders.refuse(Status.FAILED_PRECONDITION
                .withDescription("MUG is not sold any more")));
        try {
            HttpClientResponseException e = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                    .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=1&sku=MUG"
                            + "&quantity=1"), String.class));
            Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
            assertThat(page.select("li.line").get(1).select(".error").text()).isEqualTo("MUG is not sold any more");
            assertThat(page.select("li.line").get(0).select(".error")).isEmpty();
        } finally {
            orders.answer("PlaceOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "PENDING", "Ada Lovelace"));
        }
    }

    @Test
    void theOrderPageShowsLinesHistoryAndTheEventTimeline() {
        Document page = get("/orders/" + Fixtures.ORDER_ID);
        assertThat(page.select(".order-head .badge").text()).isEqualTo("CONFIRMED");
        assertThat(page.select("#cancel-order").hasText()).as("a confirmed order can be cancelled").isTrue();
        assertThat(page.select(".facts dd.mono").text()).isEqualTo("req-42");
        assertThat(page.select("tr.timeline-event").eachAttr("data-event-type")).isEqualTo(List.of("OrderPlaced", "StockReserved", "OrderConfirmed"));
        assertThat(page.select("svg.sequence text.label").eachText().containsAll(
                List.of("POST /orders", "OrderPlaced", "StockReserved", "OrderConfirmed"))).isTrue();
        // milliseconds from the click (the order's creation at 10:00:00.000) to each event
        assertThat(page.select("svg.sequence text.ms").eachText()).isEqualTo(List.of("0 ms", "+20 ms", "+150 ms", "+300 ms"));
        assertThat(page.select("svg.sequence text.lane-name").eachText()).contains("inventory-notification-service");
    }

    /** "Can no longer be cancelled" only when orders-service said so about the order, not when it failed. */
    @Test
    void aCancelSendsTheOrderToOrdersServiceAndReturnsToTheOrder() {
        orders.answer("CancelOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "CANCELLED", "Ada Lovelace"));
        assertThat(cancelRedirect()).isEqualTo("/orders/" + Fixtures.ORDER_ID);
        FakeOrders.Recorded call = orders.calls("CancelOrder").get(orders.calls("CancelOrder").size() - 1);
        assertThat(((CancelOrderRequest) call.request()).getOrderId()).isEqualTo(Fixtures.ORDER_ID.toString());
    }

    /** FAILED_PRECONDITION is orders-service's answer about the order: it can no longer be cancelled. */
    @Test
    void aRefusedCancelSaysTheOrderCanNoLongerBeCancelled() {
        orders.answer("CancelOrder", FakeOrders.refuse(Status.FAILED_PRECONDITION.withDescription("REJECTED")));
        assertThat(cancelRedirect()).isEqualTo("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-refused");
        assertThat(get("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-refused").select(".banner").text())
                .contains("can no longer be cancelled");
    }

    /** Any other failure says only that it could not be done now. */
    @Test
    void aFailedCancelSaysItWasNotCancelledAndToTryAgain() {
        orders.answer("CancelOrder", FakeOrders.refuse(Status.INTERNAL));
        assertThat(cancelRedirect()).isEqualTo("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-failed");
        assertThat(get("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-failed").select(".banner").text())
                .contains("could not cancel the order right now");
    }

    private String cancelRedirect() {
        String cancel = "/orders/" + Fixtures.ORDER_ID + "/cancel";
        HttpResponse<String> response = client.toBlocking().exchange(form(cancel, ""), String.class);
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        return response.getHeaders().get("Location");
    }

    @Test
    void aCustomerNamedLikeAScriptIsShownAsText() {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/orders/" + Fixtures.XSS_ORDER_ID), String.class);
        assertThat(response.body().contains(Fixtures.XSS_NAME)).isFalse();
        assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Jsoup.parse(response.body()).select(".facts dd").first().child(0).text()).isEqualTo(Fixtures.XSS_NAME);
    }

    @Test
    void withTheAuditServiceDownTheOrderPageStillRendersWithABanner() {
        audit.stop();
        try {
            Document page = get("/orders/" + Fixtures.ORDER_ID);
            assertThat(page.select(".order-head .badge").text()).isEqualTo("CONFIRMED");
            assertThat(page.select(".banner").text().contains("The audit service is not reachable right now.")).as(page.select(".banner").text()).isTrue();
            assertThat(page.select("#timeline").text()).contains("unavailable");
        } finally {
            audit.restart();
        }
    }

    @Test
    void withOrdersServiceDownTheFormKeepsWhatWasTyped() {
        orders.stop();
        try {
            HttpClientResponseException e = assertStatus(HttpStatus.SERVICE_UNAVAILABLE, () -> client.toBlocking()
                    .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=3"),
                            String.class));
            Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
            assertThat(page.select(".banner").text()).contains("not reachable");
            assertThat(page.select("input[name=name]").val()).isEqualTo("Ada");
            assertThat(page.select("input[name=quantity]").val()).isEqualTo("3");
            Document list = get("/orders");
            assertThat(list.select(".banner").text()).contains("The orders service is not reachable");
        } finally {
            orders.restart();
            // the channel reconnects by itself, after a back-off: the other tests need it connected again
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> get("/orders").select(".banner").isEmpty());
        }
    }

    @Test
    void ordersListShowsStatusBadgesAndFilters() {
        Document page = get("/orders?status=CONFIRMED");
        assertThat(page.select("tr[data-order-id] .badge-confirmed").text()).isEqualTo("CONFIRMED");
        assertThat(page.select("#orders-table").attr("data-live-src")).isEqualTo("/orders/rows?status=CONFIRMED");
        assertThat(orders.calls("ListOrders").stream().map(c -> (ListOrdersRequest) c.request())
                .anyMatch(r -> r.getStatus() == eventshop.api.orders.v1.OrderStatus.ORDER_STATUS_CONFIRMED)).isTrue();
    }

    /** An order's page listens on /live?order=ID and hears the order's status from orders-service's WatchOrder. */
    @Test
    void anOrdersLiveStreamCarriesItsStatusFromWatchOrder() {
        List<LiveEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        reactor.core.Disposable subscription = reactor.core.publisher.Flux.from(sseClient.eventStream(
                        HttpRequest.GET("/live?order=" + Fixtures.ORDER_ID), LiveEvent.class))
                .map(io.micronaut.http.sse.Event::getData).subscribe(received::add);
        try {
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> "status".equals(e.kind())));
            LiveEvent status = received.stream().filter(e -> "status".equals(e.kind())).findFirst().orElseThrow();
            assertThat(status.orderId()).isEqualTo(Fixtures.ORDER_ID.toString());
            assertThat(status.status()).isEqualTo("CONFIRMED");
            assertThat(orders.calls("WatchOrder").stream().map(c -> (WatchOrderRequest) c.request())
                    .anyMatch(r -> r.getOrderId().equals(Fixtures.ORDER_ID.toString()))).isTrue();
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void restockSendsTheQuantityToInventoryAndReturnsToTheTable() {
        HttpResponse<String> ok = client.toBlocking().exchange(form("/inventory/ESP/restock",
                "quantity=10"), String.class);
        assertThat(ok.getStatus().getCode()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        assertThat(ok.getHeaders().get("Location")).isEqualTo("/inventory?restocked=ESP");
        assertThat(inventory.requests()).anyMatch(r -> r.path().equals("/products/ESP/restock")
                && r.body().contains("\"quantity\":10"));
    }

    /** The rule is inventory's (1 to 10,000): a big delivery goes through, one more unit does not. */
    @Test
    void theRestockRuleIsInventorysRule() {
        assertThat(client.toBlocking().exchange(form("/inventory/ESP/restock", "quantity=10000"),
                String.class).getStatus().getCode()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/inventory/ESP/restock", "quantity=10001"), String.class));
    }

    @Test
    void theInventoryMarksAProductLowOnStock() {
        Document page = get("/inventory");
        assertThat(page.select("tr[data-sku=MUG]").hasClass("low")).isTrue();
        assertThat(page.select("tr[data-sku=ESP]").hasClass("low")).isFalse();
    }

    @Test
    void auditPageHighlightsInvalidRecordsAndShowsStats() {
        Document page = get("/audit?invalid=true");
        assertThat(page.select("tr.invalid-record").text()).contains("MALFORMED_JSON");
        assertThat(page.select("#audit-stats").text()).contains("OrderPlaced: 1");
        assertThat(page.select("#audit-stats .stat-name").eachText()).as("figures labelled for people").isEqualTo(List.of("Events journaled", "Invalid records", "By type"));
        assertThat(page.select("a.export").attr("href")).isEqualTo("/audit/export");
        assertThat(audit.requests().stream().anyMatch(r -> r.path().equals("/audit/events")
                && r.query().contains("valid=false"))).isTrue();
    }

    @Test
    void auditPageMarksAResentCopyOfAnEvent() {
        Document page = get("/audit");

        assertThat(page.select("table.journal tbody tr:has(.badge-resent)")).singleElement()
                .extracting(row -> row.child(1).text()).isEqualTo("shop.orders · 1 · 8");
    }

    @Test
    void auditPageMarksARecordRepublishedByAReplay() {
        Document page = get("/audit");

        assertThat(page.select("table.journal tbody tr:has(.badge-replayed)")).singleElement()
                .extracting(row -> row.child(1).text()).isEqualTo("shop.orders · 1 · 9");
    }

    @Test
    void theNotificationsPageListsWhatWasSent() {
        assertThat(get("/notifications").select("article.notification").text()).contains("Your order is confirmed");
    }

    @Test
    void theArchitecturePageShowsEveryTopicAndThePicture() {
        Document architecture = get("/architecture");
        assertThat(architecture.select("table.topics td.mono").eachText()).isEqualTo(List.of("shop.orders", "shop.inventory", "shop.notifications", "shop.catalog",
                "shop.deadletter", "shop.sales"));
        // documentation/'s topics table supplies producers and consumers; its picture is in the jar
        assertThat(architecture.select("table.topics tr").get(1).text()
                .contains("inventory-notification-service, analytics-service, audit-service, web-ui")).isTrue();
        assertThat(architecture.select("img.architecture").attr("src")).isEqualTo("/static/docs/architecture.png");
        HttpResponse<byte[]> picture = client.toBlocking().exchange(HttpRequest.GET("/static/docs/architecture.png"),
                byte[].class);
        assertThat(picture.getContentType().orElseThrow()).isEqualTo(MediaType.IMAGE_PNG_TYPE);
        assertThat(picture.body().length > 1000).isTrue();
    }

    @Test
    void staticAssetsAreServedByTheApplication() {
        assertThat(client.toBlocking().retrieve("/static/js/live.js")).contains("EventSource");
        assertThat(client.toBlocking().retrieve("/static/css/shop.css")).contains(".badge-confirmed");
    }

    /** A page as a signed-in staff member sees it (a shopper's pages look the same to staff). */
    private Document get(String uri) {
        return Jsoup.parse(client.toBlocking().retrieve(HttpRequest.GET(uri).cookie(staff.cookie())));
    }

    /** A form as a signed-in staff member sends it, with the CSRF cookie and token. */
    private HttpRequest<String> form(String uri, String fields) {
        return staff.form(uri, fields, TOKEN);
    }

    private static HttpClientResponseException assertStatus(HttpStatus status,
                                                            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call);
        assertThat(e).as("an error response").isNotNull();
        assertThat(e.getStatus().getCode()).as(() -> e.getResponse().getBody(String.class).orElse(""))
                .isEqualTo(status.getCode());
        return e;
    }
}
