package eventshop.webui;

import eventshop.testing.TestInfrastructure;
import eventshop.webui.FakeBackend.Response;
import eventshop.webui.security.CsrfTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may see which page of the web UI: shoppers anonymously, staff after signing in; what web-ui tells the
 * back-ends (its service account, the staff member's name); CSRF token and Origin on every form, sign-in included;
 * every command form's idempotency key.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffSignInTest implements TestPropertyProvider {

    private static final String TOKEN = new CsrfTokens(StaffSession.SIGNING_SECRET).newToken();
    private static final String ORDER_ID = Fixtures.ORDER_ID.toString();

    private final FakeOrders orders = new FakeOrders();
    private final FakeBackend catalog = new FakeBackend();
    private final FakeBackend inventory = new FakeBackend();
    private final FakeBackend audit = new FakeBackend();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        orders.list(Fixtures.orderPage())
                .order(Fixtures.order(Fixtures.ORDER_ID, "CONFIRMED", "Ada"))
                .answer("PlaceOrder", () -> Fixtures.order(Fixtures.ORDER_ID, "PENDING", "Ada"));
        catalog.answer("GET", "/catalog", Response.json("[]"));
        inventory.answer("GET", "/products", Response.json(Fixtures.products()))
                .answer("POST", "/products/ESP/restock", Response.json("""
                        {"sku":"ESP","name":"Espresso","description":"","price":2.5,"currency":"EUR","stock":50,
                         "lowWaterMark":5,"lowStock":false}"""));
        audit.answer("GET", "/audit/orders/" + ORDER_ID + "/timeline", Response.json(Fixtures.timeline(Fixtures.ORDER_ID)));
        Map<String, String> props = new HashMap<>(TestInfrastructure.kafkaProperties());
        props.put("micronaut.http.services.orders.url", catalog.url());
        props.put("grpc.channels.orders.address", orders.address());
        props.put("micronaut.http.services.inventory.url", inventory.url());
        props.put("micronaut.http.services.audit.url", audit.url());
        props.put("micronaut.http.client.follow-redirects", "false");
        props.putAll(StaffSession.properties());
        return props;
    }

    @AfterAll
    void stopBackends() {
        orders.close();
        catalog.close();
        inventory.close();
        audit.close();
    }

    @Test
    void staffPagesSendAnonymousVisitorsToTheSignInPage() {
        for (String page : List.of("/orders", "/orders/rows", "/inventory", "/inventory/rows", "/notifications",
                "/audit", "/audit/export")) {
            // as a browser asks: for HTML (an API client would get a 401)
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(page)
                    .accept(MediaType.TEXT_HTML_TYPE), String.class);
            assertEquals(303, response.code(), page);
            assertEquals("/login", response.getHeaders().get("Location"), page);
        }
        long restocks = restocks();
        HttpResponse<String> refused = client.toBlocking().exchange(form("/inventory/ESP/restock", "quantity=5")
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(303, refused.code());
        assertEquals(restocks, restocks(), "an anonymous restock never reaches the inventory service");
    }

    @Test
    void shoppersPagesAreOpen() {
        for (String page : List.of("/", "/orders/" + ORDER_ID, "/orders/mine", "/architecture", "/login")) {
            assertEquals(200, client.toBlocking().exchange(HttpRequest.GET(page), String.class).code(), page);
        }
        assertFalse(Jsoup.parse(client.toBlocking().retrieve("/")).select("nav a[href=/inventory]").hasText(),
                "no staff links for shoppers");
    }

    @Test
    void staffSignInRestockAndSignOut() {
        StaffSession staff = StaffSession.signIn(client, TOKEN);
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/inventory").cookie(staff.cookie()),
                String.class).code());
        String page = client.toBlocking().retrieve(HttpRequest.GET("/inventory").cookie(staff.cookie()));
        assertTrue(Jsoup.parse(page).select(".staff-member").text().contains("staff"));

        HttpResponse<String> restocked = client.toBlocking().exchange(form("/inventory/ESP/restock",
                "quantity=5&idempotencyKey=restock-key-1").cookie(staff.cookie()), String.class);
        assertEquals(303, restocked.code());
        FakeBackend.Recorded call = inventory.requests().stream()
                .filter(r -> r.path().equals("/products/ESP/restock")).reduce((a, b) -> b).orElseThrow();
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("web-ui:" + StaffSession.SERVICE_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)), call.header("Authorization"), "web-ui's service account");
        assertEquals("staff", call.header("X-Staff-Member"), "the staff member it acts for");
        assertEquals("restock-key-1", call.header("Idempotency-Key"), "the form's idempotency key");

        client.toBlocking().retrieve(HttpRequest.GET("/orders").cookie(staff.cookie()));
        FakeOrders.Recorded list = orders.calls("ListOrders").get(orders.calls("ListOrders").size() - 1);
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("web-ui:" + StaffSession.SERVICE_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)), list.header("authorization"), "the list of all orders: as staff");

        HttpResponse<String> signedOut = client.toBlocking().exchange(form("/logout", "").cookie(staff.cookie()),
                String.class);
        assertEquals(303, signedOut.code());
        Cookie cleared = signedOut.getCookie("JWT").orElseThrow();
        assertTrue(cleared.getValue().isEmpty() || cleared.getMaxAge() == 0, "the sign-in cookie is removed");
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = client.toBlocking().exchange(
                StaffSession.signInForm("staff", "wrong", TOKEN), String.class);
        assertEquals(303, response.code());
        assertEquals("/login?failed=true", response.getHeaders().get("Location"));
        assertTrue(response.getCookie("JWT").isEmpty());
        assertTrue(Jsoup.parse(client.toBlocking().retrieve("/login?failed=true")).select(".form-error").hasText());
    }

    @Test
    void theSignInFormNeedsTheCsrfTokenLikeEveryForm() {
        HttpRequest<String> noToken = HttpRequest.POST("/login", "username=staff&password="
                        + StaffSession.STAFF_PASSWORD).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        assertEquals(403, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(noToken, String.class)).getStatus().getCode());
    }

    @Test
    void aFormFromAnotherOriginOrWithAnUnsignedTokenIsRefused() {
        long posts = posts();
        assertEquals(403, assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                order("k-origin").header("Origin", "https://evil.example"), String.class)).getStatus().getCode());
        String unsigned = "forged-token-the-server-never-signed";
        HttpRequest<String> forged = HttpRequest.POST("/orders", "name=Ada&email=ada%40example.com&sku=ESP"
                        + "&quantity=1&_csrf=" + unsigned).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(Cookie.of("eventshop_csrf", unsigned));
        assertEquals(403, assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(forged, String.class)).getStatus().getCode());
        assertEquals(posts, posts(), "nothing reached orders-service");
        HttpResponse<String> sameOrigin = client.toBlocking().exchange(order("k-same-origin")
                .header("Origin", server.getScheme() + "://" + server.getHost() + ":" + server.getPort()), String.class);
        assertEquals(303, sameOrigin.code());
    }

    @Test
    void theOrderFormCarriesAFreshIdempotencyKeyThatASecondSubmitRepeats() {
        String first = Jsoup.parse(client.toBlocking().retrieve("/")).select("#order-form input[name=idempotencyKey]")
                .val();
        String second = Jsoup.parse(client.toBlocking().retrieve("/")).select("#order-form input[name=idempotencyKey]")
                .val();
        assertFalse(first.isBlank());
        assertNotEquals(first, second, "every form a key of its own");

        client.toBlocking().exchange(order(first), String.class);
        HttpResponse<String> again = client.toBlocking().exchange(order(first), String.class);
        assertEquals(303, again.code());
        List<String> keys = orders.calls("PlaceOrder").stream()
                .map(r -> r.header("Idempotency-Key")).filter(first::equals).toList();
        assertEquals(2, keys.size(), "both submits carry the form's key, so orders-service places one order");
        String remembered = again.getCookie("eventshop_my_orders").orElseThrow().getValue();
        assertTrue(remembered.contains(ORDER_ID), "the shopper's orders remember it");
        String mine = client.toBlocking().retrieve(HttpRequest.GET("/orders/mine")
                .cookie(Cookie.of("eventshop_my_orders", remembered)));
        assertEquals(1, Jsoup.parse(mine).select("tr[data-order-id=" + ORDER_ID + "]").size());
        assertNull(Jsoup.parse(client.toBlocking().retrieve("/")).selectFirst("nav a[href=/audit]"));
    }

    private io.micronaut.http.MutableHttpRequest<String> order(String key) {
        return form("/orders", "name=Ada&email=ada%40example.com&sku=ESP&quantity=1&idempotencyKey="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    private static io.micronaut.http.MutableHttpRequest<String> form(String uri, String body) {
        return HttpRequest.POST(uri, body + "&_csrf=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of("eventshop_csrf", TOKEN));
    }

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private long posts() {
        return orders.calls("PlaceOrder").size();
    }

    private long restocks() {
        return inventory.requests().stream().filter(r -> r.method().equals("POST")).count();
    }
}
