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
import eventshop.testing.TestInfrastructure;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages against real backends standing in for the three services: HTTP ({@link FakeBackend}) and, for the
 * orders, gRPC ({@link FakeOrders}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiPagesTest implements TestPropertyProvider {

    private static final String TOKEN = new CsrfTokens(StaffSession.SIGNING_SECRET).newToken();

    private final FakeOrders orders = new FakeOrders();
    private final FakeBackend catalog = new FakeBackend();
    private final FakeBackend inventory = new FakeBackend();
    private final FakeBackend audit = new FakeBackend();

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
        Map<String, String> props = new HashMap<>(TestInfrastructure.kafkaProperties());
        props.put("micronaut.http.services.orders.url", catalog.url());
        props.put("grpc.channels.orders.address", orders.address());
        props.put("micronaut.http.services.inventory.url", inventory.url());
        props.put("micronaut.http.services.audit.url", audit.url());
        props.put("micronaut.http.client.follow-redirects", "false");
        props.putAll(StaffSession.properties());
        return props;
    }

    private StaffSession staff;

    @org.junit.jupiter.api.BeforeAll
    void signIn() {
        staff = StaffSession.signIn(client, TOKEN);
    }

    @AfterAll
    void stopBackends() {
        orders.close();
        catalog.close();
        inventory.close();
        audit.close();
    }

    @Test
    void shopShowsProductCardsAndIssuesCsrfCookie() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        Document page = Jsoup.parse(response.body());
        assertEquals(2, page.select("article.product").size());
        assertTrue(page.select("article.product[data-sku=MUG] .badge").text().contains("Low stock"));
        String cookie = response.getHeaders().get("Set-Cookie");
        assertNotNull(cookie);
        assertTrue(cookie.contains("eventshop_csrf=") && cookie.contains("SameSite=Strict")
                && cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertEquals(token, page.select("#order-form input[name=_csrf]").val());
    }

    /** Every page, as served, passes the Nu Html Checker with no error (warnings are allowed). */
    @Test
    void everyPageIsValidHtml() throws Exception {
        nu.validator.client.EmbeddedValidator validator = new nu.validator.client.EmbeddedValidator();
        validator.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        String broken = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><ul><div>x</div></ul>";
        assertTrue(validator.validate(new java.io.ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))
                .contains("\"type\":\"error\""), "the checker reports an error where there is one");
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
        assertTrue(errors.isEmpty(), "HTML errors per page: " + errors);
    }

    /** Prometheus scrapes web-ui like the back-ends; the dashboard's JVM and HTTP panels read these series. */
    @Test
    void prometheusGetsTheJvmAndHttpMetrics() {
        client.toBlocking().exchange(HttpRequest.GET("/orders").cookie(staff.cookie()), String.class);
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        String metrics = response.body();
        assertTrue(metrics.contains("jvm_memory_used_bytes{"), "JVM memory");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("uri=\"/orders\"")), "HTTP timings of the pages");
        assertTrue(metrics.contains("process_uptime_seconds"), "uptime");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertTrue(response.getHeaders().get("Content-Security-Policy").contains("default-src 'self'"));
        assertTrue(response.getHeaders().get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", response.getHeaders().get("X-Content-Type-Options"));
        assertEquals("DENY", response.getHeaders().get("X-Frame-Options"));
        assertEquals("same-origin", response.getHeaders().get("Referrer-Policy"));
    }

    @Test
    void aFormWithoutTheMatchingCsrfTokenIsRefused() {
        long postsBefore = posts();
        HttpClientResponseException missing = assertStatus(HttpStatus.FORBIDDEN, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=1")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertTrue(missing.getResponse().getBody(String.class).orElse("").contains("expired"));
        assertStatus(HttpStatus.FORBIDDEN, () -> client.toBlocking().exchange(form("/orders",
                "name=Ada&email=ada%40example.com&sku=ESP&quantity=1&_csrf=wrong"), String.class));
        assertEquals(postsBefore, posts(), "nothing reached orders-service");
    }

    /** Commands orders-service has received so far (other tests of this class place and cancel orders too). */
    private long posts() {
        return orders.calls("PlaceOrder").size() + orders.calls("CancelOrder").size();
    }

    /** As a browser may: the headers in one packet, the form body later (the filter must wait for it). */
    @Test
    void aFormWhoseBodyArrivesAfterItsHeadersIsChecked() throws Exception {
        String body = "quantity=10" + csrf();
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
            assertEquals("HTTP/1.1 303 See Other", statusLine);
        }
    }

    @Test
    void anInvalidFormShowsFieldErrorsAndKeepsTheInput() {
        HttpClientResponseException e = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/orders", "name=Ada+Lovelace&email=not-an-email&sku=ESP&quantity=abc&sku=MUG"
                        + "&quantity=2" + csrf()), String.class));
        Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
        assertEquals("Ada Lovelace", page.select("input[name=name]").val());
        assertEquals("not-an-email", page.select("input[name=email]").val());
        assertTrue(page.select("label.invalid").text().contains("This is not an e-mail address."));
        assertEquals(2, page.select("li.line").size());
        assertEquals("abc", page.select("li.line").get(0).select("input[name=quantity]").val());
        assertTrue(page.select("li.line").get(0).text().contains("A whole number from 1 to 100."));
        assertEquals("MUG", page.select("li.line").get(1).select("select option[selected]").val());
    }

    /** The form's rule is orders-service's (1 to 100 per line): 100 is sent, 101 is refused before sending. */
    @Test
    void theQuantityRuleIsOrdersServicesRule() {
        int before = orders.calls("PlaceOrder").size();
        HttpResponse<String> hundred = client.toBlocking().exchange(form("/orders",
                "name=Ada&email=ada%40example.com&sku=ESP&quantity=100" + csrf()), String.class);
        assertEquals(HttpStatus.SEE_OTHER, hundred.getStatus());
        assertTrue(orders.calls("PlaceOrder").stream().skip(before).map(c -> (PlaceOrderRequest) c.request())
                .anyMatch(r -> r.getLines(0).getSku().equals("ESP") && r.getLines(0).getQuantity() == 100));

        HttpClientResponseException tooMany = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=101" + csrf()),
                        String.class));
        Document page = Jsoup.parse(tooMany.getResponse().getBody(String.class).orElseThrow());
        assertEquals("A whole number from 1 to 100.", page.select("li.line .error").text());
        assertEquals("101", page.select("li.line input[name=quantity]").val());
    }

    @Test
    void placingAnOrderCallsOrdersServiceWithARequestIdAndRedirectsToTheOrder() {
        HttpResponse<String> response = client.toBlocking().exchange(form("/orders",
                "name=Ada+Lovelace&email=ada%40example.com&sku=ESP&quantity=2&sku=MUG&quantity=1" + csrf()),
                String.class);
        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/orders/" + Fixtures.ORDER_ID, response.getHeaders().get("Location"));
        List<FakeOrders.Recorded> placed = orders.calls("PlaceOrder");
        FakeOrders.Recorded call = placed.get(placed.size() - 1);
        // the click's request id is the one orders-service gets (and puts on every event of the order)
        assertEquals(response.getHeaders().get("X-Request-Id"), call.header("X-Request-Id"));
        UUID.fromString(call.header("X-Request-Id"));
        PlaceOrderRequest request = (PlaceOrderRequest) call.request();
        assertEquals("Ada Lovelace", request.getCustomer().getName());
        assertEquals(List.of("ESP:2", "MUG:1"), request.getLinesList().stream()
                .map(l -> l.getSku() + ":" + l.getQuantity()).toList());
    }

    @Test
    void aProblemFromOrdersServiceIsShownNextToTheLineItNames() {
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
                    .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=NOPE&quantity=1" + csrf()),
                            String.class));
            Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
            assertTrue(page.select("li.line").get(0).text().contains("unknown SKU 'NOPE'"));
            assertEquals("Ada", page.select("input[name=name]").val());

            // a refusal without field violations goes next to the line whose SKU it names
            orders.answer("PlaceOrder", FakeOrders.refuse(Status.FAILED_PRECONDITION
                    .withDescription("MUG is not sold any more")));
            e = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking().exchange(form("/orders",
                    "name=Ada&email=ada%40example.com&sku=ESP&quantity=1&sku=MUG&quantity=1" + csrf()), String.class));
            page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
            assertTrue(page.select("li.line").get(1).text().contains("MUG is not sold any more"));
        } finally {
            orders.answer("PlaceOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "PENDING", "Ada Lovelace"));
        }
    }

    @Test
    void theOrderPageShowsLinesHistoryAndTheEventTimeline() {
        Document page = get("/orders/" + Fixtures.ORDER_ID);
        assertEquals("CONFIRMED", page.select(".order-head .badge").text());
        assertTrue(page.select("#cancel-order").hasText(), "a confirmed order can be cancelled");
        assertEquals("req-42", page.select(".facts dd.mono").text());
        assertEquals(List.of("OrderPlaced", "StockReserved", "OrderConfirmed"),
                page.select("tr.timeline-event").eachAttr("data-event-type"));
        assertTrue(page.select("svg.sequence text.label").eachText().containsAll(
                List.of("POST /orders", "OrderPlaced", "StockReserved", "OrderConfirmed")));
        // milliseconds from the click (the order's creation at 10:00:00.000) to each event
        assertEquals(List.of("0 ms", "+20 ms", "+150 ms", "+300 ms"), page.select("svg.sequence text.ms").eachText());
        assertTrue(page.select("svg.sequence text.lane-name").eachText().contains("inventory-notification-service"));
    }

    /** "Can no longer be cancelled" only when orders-service said so about the order, not when it failed. */
    @Test
    void aRefusedCancelAndAFailedCancelGetDifferentNotices() {
        String cancel = "/orders/" + Fixtures.ORDER_ID + "/cancel";
        orders.answer("CancelOrder", FakeOrders.refuse(Status.FAILED_PRECONDITION.withDescription("REJECTED")));
        assertEquals("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-refused", cancelRedirect(cancel));
        orders.answer("CancelOrder", FakeOrders.refuse(Status.INTERNAL));
        assertEquals("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-failed", cancelRedirect(cancel));
        orders.answer("CancelOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "CANCELLED", "Ada Lovelace"));
        assertEquals("/orders/" + Fixtures.ORDER_ID, cancelRedirect(cancel));
        FakeOrders.Recorded call = orders.calls("CancelOrder").get(orders.calls("CancelOrder").size() - 1);
        assertEquals(Fixtures.ORDER_ID.toString(), ((CancelOrderRequest) call.request()).getOrderId());

        assertTrue(get("/orders/" + Fixtures.ORDER_ID + "?notice=cancel-failed").select(".banner").text()
                .contains("could not cancel the order right now"));
    }

    private String cancelRedirect(String cancel) {
        HttpResponse<String> response = client.toBlocking().exchange(form(cancel, csrf().substring(1)), String.class);
        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        return response.getHeaders().get("Location");
    }

    @Test
    void aCustomerNamedLikeAScriptIsShownAsText() {
        HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/orders/" + Fixtures.XSS_ORDER_ID), String.class);
        assertFalse(response.body().contains(Fixtures.XSS_NAME));
        assertTrue(response.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(Fixtures.XSS_NAME, Jsoup.parse(response.body()).select(".facts dd").first().child(0).text());
    }

    @Test
    void withTheAuditServiceDownTheOrderPageStillRendersWithABanner() {
        audit.stop();
        try {
            Document page = get("/orders/" + Fixtures.ORDER_ID);
            assertEquals("CONFIRMED", page.select(".order-head .badge").text());
            assertTrue(page.select(".banner").text().contains("The audit service is not reachable right now."),
                    page.select(".banner").text());
            assertTrue(page.select("#timeline").text().contains("unavailable"));
        } finally {
            audit.restart();
        }
    }

    @Test
    void withOrdersServiceDownTheFormKeepsWhatWasTyped() {
        orders.stop();
        try {
            HttpClientResponseException e = assertStatus(HttpStatus.SERVICE_UNAVAILABLE, () -> client.toBlocking()
                    .exchange(form("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=3" + csrf()),
                            String.class));
            Document page = Jsoup.parse(e.getResponse().getBody(String.class).orElseThrow());
            assertTrue(page.select(".banner").text().contains("not reachable"));
            assertEquals("Ada", page.select("input[name=name]").val());
            assertEquals("3", page.select("input[name=quantity]").val());
            Document list = get("/orders");
            assertTrue(list.select(".banner").text().contains("The orders service is not reachable"));
        } finally {
            orders.restart();
            // the channel reconnects by itself, after a back-off: the other tests need it connected again
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> get("/orders").select(".banner").isEmpty());
        }
    }

    @Test
    void ordersListShowsStatusBadgesAndFilters() {
        Document page = get("/orders?status=CONFIRMED");
        assertEquals("CONFIRMED", page.select("tr[data-order-id] .badge-confirmed").text());
        assertEquals("/orders/rows?status=CONFIRMED", page.select("#orders-table").attr("data-live-src"));
        assertTrue(orders.calls("ListOrders").stream().map(c -> (ListOrdersRequest) c.request())
                .anyMatch(r -> r.getStatus() == eventshop.api.orders.v1.OrderStatus.ORDER_STATUS_CONFIRMED));
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
            assertEquals(Fixtures.ORDER_ID.toString(), status.orderId());
            assertEquals("CONFIRMED", status.status());
            assertTrue(orders.calls("WatchOrder").stream().map(c -> (WatchOrderRequest) c.request())
                    .anyMatch(r -> r.getOrderId().equals(Fixtures.ORDER_ID.toString())));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void restockSendsTheQuantityAndRejectsNonsense() {
        HttpResponse<String> ok = client.toBlocking().exchange(form("/inventory/ESP/restock",
                "quantity=10" + csrf()), String.class);
        assertEquals(HttpStatus.SEE_OTHER, ok.getStatus());
        assertTrue(inventory.requests().stream().anyMatch(r -> r.path().equals("/products/ESP/restock")
                && r.body().contains("\"quantity\":10")));
        // the rule is inventory's (1 to 10,000): a big delivery goes through, one more unit does not
        assertEquals(HttpStatus.SEE_OTHER, client.toBlocking().exchange(form("/inventory/ESP/restock",
                "quantity=10000" + csrf()), String.class).getStatus());
        assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/inventory/ESP/restock", "quantity=10001" + csrf()), String.class));
        HttpClientResponseException bad = assertStatus(HttpStatus.UNPROCESSABLE_ENTITY, () -> client.toBlocking()
                .exchange(form("/inventory/ESP/restock", "quantity=-4" + csrf()), String.class));
        Document page = Jsoup.parse(bad.getResponse().getBody(String.class).orElseThrow());
        assertEquals("-4", page.select("tr[data-sku=ESP] input[name=quantity]").val());
        assertTrue(page.select("tr[data-sku=ESP] .error").text().contains("A whole number"));
        assertTrue(get("/inventory").select("tr[data-sku=MUG]").hasClass("low"));
    }

    @Test
    void auditPageHighlightsInvalidRecordsAndShowsStats() {
        Document page = get("/audit?invalid=true");
        assertTrue(page.select("tr.invalid-record").text().contains("MALFORMED_JSON"));
        assertTrue(page.select("#audit-stats").text().contains("OrderPlaced: 1"));
        assertEquals(List.of("Events journaled", "Invalid records", "By type"),
                page.select("#audit-stats .stat-name").eachText(), "figures labelled for people");
        assertEquals("/audit/export", page.select("a.export").attr("href"));
        assertTrue(audit.requests().stream().anyMatch(r -> r.path().equals("/audit/events")
                && r.query().contains("valid=false")));
    }

    @Test
    void notificationsAndArchitecturePagesRender() {
        assertTrue(get("/notifications").select("article.notification").text().contains("Your order is confirmed"));
        Document architecture = get("/architecture");
        assertEquals(List.of("shop.orders", "shop.inventory", "shop.notifications", "shop.catalog",
                "shop.deadletter", "shop.sales"), architecture.select("table.topics td.mono").eachText());
        // documentation/'s topics table supplies producers and consumers; its picture is in the jar
        assertTrue(architecture.select("table.topics tr").get(1).text()
                .contains("inventory-notification-service, analytics-service, audit-service, web-ui"));
        assertEquals("/static/docs/architecture.png", architecture.select("img.architecture").attr("src"));
        HttpResponse<byte[]> picture = client.toBlocking().exchange(HttpRequest.GET("/static/docs/architecture.png"),
                byte[].class);
        assertEquals(MediaType.IMAGE_PNG_TYPE, picture.getContentType().orElseThrow());
        assertTrue(picture.body().length > 1000);
    }

    @Test
    void staticAssetsAreServedByTheApplication() {
        assertTrue(client.toBlocking().retrieve("/static/js/live.js").contains("EventSource"));
        assertTrue(client.toBlocking().retrieve("/static/css/shop.css").contains(".badge-confirmed"));
    }

    /** A page as a signed-in staff member sees it (a shopper's pages look the same to staff). */
    private Document get(String uri) {
        return Jsoup.parse(client.toBlocking().retrieve(HttpRequest.GET(uri).cookie(staff.cookie())));
    }

    /** A form as a signed-in staff member sends it, with the CSRF cookie and token. */
    private HttpRequest<String> form(String uri, String body) {
        return HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(io.micronaut.http.cookie.Cookie.of("eventshop_csrf", TOKEN)).cookie(staff.cookie());
    }

    private static String csrf() {
        return "&_csrf=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    }

    private static HttpClientResponseException assertStatus(HttpStatus status,
                                                            org.junit.jupiter.api.function.Executable call) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, call);
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        return e;
    }
}
