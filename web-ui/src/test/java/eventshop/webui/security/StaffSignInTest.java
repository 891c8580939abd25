package eventshop.webui.security;

import eventshop.webui.FakeBackend;
import eventshop.webui.FakeBackends;
import eventshop.webui.FakeBackend.Response;
import eventshop.webui.FakeOrders;
import eventshop.webui.Fixtures;
import eventshop.webui.StaffSession;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

    private final FakeBackends backends = new FakeBackends();
    private final FakeOrders orders = backends.orders;
    private final FakeBackend catalog = backends.catalog;
    private final FakeBackend inventory = backends.inventory;
    private final FakeBackend audit = backends.audit;

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
        return backends.properties();
    }

    @AfterAll
    void stopBackends() {
        backends.close();
    }

    @Test
    void staffPagesSendAnonymousVisitorsToTheSignInPage() {
        for (String page : List.of("/orders", "/orders/rows", "/inventory", "/inventory/rows", "/notifications",
                "/audit", "/audit/export")) {
            // as a browser asks: for HTML (an API client would get a 401)
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(page)
                    .accept(MediaType.TEXT_HTML_TYPE), String.class);
            assertThat(response.code()).as(page).isEqualTo(303);
            assertThat(response.getHeaders().get("Location")).as(page).isEqualTo("/login");
        }
        long restocks = restocks();
        HttpResponse<String> refused = client.toBlocking().exchange(form("/inventory/ESP/restock", "quantity=5")
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertThat(refused.code()).isEqualTo(303);
        assertThat(restocks()).as("an anonymous restock never reaches the inventory service").isEqualTo(restocks);
    }

    @Test
    void shoppersPagesAreOpen() {
        for (String page : List.of("/", "/orders/" + ORDER_ID, "/orders/mine", "/architecture", "/login")) {
            assertThat(client.toBlocking().exchange(HttpRequest.GET(page), String.class).code()).as(page).isEqualTo(200);
        }
        assertThat(Jsoup.parse(client.toBlocking().retrieve("/")).select("nav a[href=/inventory]").hasText()).as("no staff links for shoppers").isFalse();
    }

    @Test
    void staffSignInRestockAndSignOut() {
        StaffSession staff = StaffSession.signIn(client, TOKEN);
        assertThat(client.toBlocking().exchange(HttpRequest.GET("/inventory").cookie(staff.cookie()),
                String.class).code()).isEqualTo(200);
        String page = client.toBlocking().retrieve(HttpRequest.GET("/inventory").cookie(staff.cookie()));
        assertThat(Jsoup.parse(page).select(".staff-member").text()).contains("staff");

        HttpResponse<String> restocked = client.toBlocking().exchange(form("/inventory/ESP/restock",
                "quantity=5&idempotencyKey=restock-key-1").cookie(staff.cookie()), String.class);
        assertThat(restocked.code()).isEqualTo(303);
        FakeBackend.Recorded call = inventory.requests().stream()
                .filter(r -> r.path().equals("/products/ESP/restock")).reduce((a, b) -> b).orElseThrow();
        assertThat(call.header("Authorization")).as("web-ui's service account").isEqualTo("Basic " + Base64.getEncoder().encodeToString(("web-ui:" + StaffSession.SERVICE_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(call.header("X-Staff-Member")).as("the staff member it acts for").isEqualTo("staff");
        assertThat(call.header("Idempotency-Key")).as("the form's idempotency key").isEqualTo("restock-key-1");

        client.toBlocking().retrieve(HttpRequest.GET("/orders").cookie(staff.cookie()));
        FakeOrders.Recorded list = orders.calls("ListOrders").get(orders.calls("ListOrders").size() - 1);
        assertThat(list.header("authorization")).as("the list of all orders: as staff").isEqualTo("Basic " + Base64.getEncoder().encodeToString(("web-ui:" + StaffSession.SERVICE_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> signedOut = client.toBlocking().exchange(form("/logout", "").cookie(staff.cookie()),
                String.class);
        assertThat(signedOut.code()).isEqualTo(303);
        Cookie cleared = signedOut.getCookie("JWT").orElseThrow();
        assertThat(cleared.getValue().isEmpty() || cleared.getMaxAge() == 0).as("the sign-in cookie is removed").isTrue();
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> response = client.toBlocking().exchange(
                StaffSession.signInForm("staff", "wrong", TOKEN), String.class);
        assertThat(response.code()).isEqualTo(303);
        assertThat(response.getHeaders().get("Location")).isEqualTo("/login?failed=true");
        assertThat(response.getCookie("JWT").isEmpty()).isTrue();
        assertThat(Jsoup.parse(client.toBlocking().retrieve("/login?failed=true")).select(".form-error").hasText()).isTrue();
    }

    @Test
    void theSignInFormNeedsTheCsrfTokenLikeEveryForm() {
        HttpRequest<String> noToken = HttpRequest.POST("/login", "username=staff&password="
                        + StaffSession.STAFF_PASSWORD).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        assertThat(statusOf(
                () -> client.toBlocking().exchange(noToken, String.class))).isEqualTo(403);
    }

    @Test
    void aFormFromAnotherOriginOrWithAnUnsignedTokenIsRefused() {
        long posts = posts();
        assertThat(statusOf( () -> client.toBlocking().exchange(
                order("k-origin").header("Origin", "https://evil.example"), String.class))).isEqualTo(403);
        String unsigned = "forged-token-the-server-never-signed";
        HttpRequest<String> forged = HttpRequest.POST("/orders", "name=Ada&email=ada%40example.com&sku=ESP"
                        + "&quantity=1&_csrf=" + unsigned).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(Cookie.of("eventshop_csrf", unsigned));
        assertThat(statusOf(
                () -> client.toBlocking().exchange(forged, String.class))).isEqualTo(403);
        assertThat(posts()).as("nothing reached orders-service").isEqualTo(posts);
        HttpResponse<String> sameOrigin = client.toBlocking().exchange(order("k-same-origin")
                .header("Origin", server.getScheme() + "://" + server.getHost() + ":" + server.getPort()), String.class);
        assertThat(sameOrigin.code()).isEqualTo(303);
    }

    @Test
    void theOrderFormCarriesAFreshIdempotencyKeyThatASecondSubmitRepeats() {
        String first = Jsoup.parse(client.toBlocking().retrieve("/")).select("#order-form input[name=idempotencyKey]")
                .val();
        String second = Jsoup.parse(client.toBlocking().retrieve("/")).select("#order-form input[name=idempotencyKey]")
                .val();
        assertThat(first.isBlank()).isFalse();
        assertThat(second).as("every form a key of its own").isNotEqualTo(first);

        client.toBlocking().exchange(order(first), String.class);
        HttpResponse<String> again = client.toBlocking().exchange(order(first), String.class);
        assertThat(again.code()).isEqualTo(303);
        List<String> keys = orders.calls("PlaceOrder").stream()
                .map(r -> r.header("Idempotency-Key")).filter(first::equals).toList();
        assertThat(keys.size()).as("both submits carry the form's key, so orders-service places one order").isEqualTo(2);
        String remembered = again.getCookie("eventshop_my_orders").orElseThrow().getValue();
        assertThat(remembered.contains(ORDER_ID)).as("the shopper's orders remember it").isTrue();
        String mine = client.toBlocking().retrieve(HttpRequest.GET("/orders/mine")
                .cookie(Cookie.of("eventshop_my_orders", remembered)));
        assertThat(Jsoup.parse(mine).select("tr[data-order-id=" + ORDER_ID + "]").size()).isEqualTo(1);
        assertThat(Jsoup.parse(client.toBlocking().retrieve("/")).selectFirst("nav a[href=/audit]")).isNull();
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

    /** The status of the error response the call gets; it fails the test when the call succeeds. */
    private static int statusOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        HttpClientResponseException refusal = catchThrowableOfType(HttpClientResponseException.class, call);
        assertThat(refusal).as("an error response").isNotNull();
        return refusal.getStatus().getCode();
    }
}
