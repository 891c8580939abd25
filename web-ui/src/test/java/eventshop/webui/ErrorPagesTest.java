package eventshop.webui;

import eventshop.testing.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure a browser can meet answers promptly with the shop's own error page: a template that throws while
 * rendering, a controller that throws, an unknown address. The failing pages are test-only
 * ({@link eventshop.webui.errors.BrokenPagesController}).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTest implements TestPropertyProvider {

    /** Far below the client's read timeout: a hanging response fails here, quickly and by name. */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfrastructure.kafkaProperties());
        props.put("micronaut.http.services.orders.url", "http://127.0.0.1:9");
        props.put("grpc.channels.orders.address", "127.0.0.1:9");
        props.put("micronaut.http.services.inventory.url", "http://127.0.0.1:9");
        props.put("micronaut.http.services.audit.url", "http://127.0.0.1:9");
        return props;
    }

    @Test
    void aTemplateThatThrowsWhileRenderingAnswersTheErrorPage() {
        HttpClientResponseException e = browse("/broken/template", null);

        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, e.getStatus());
        Document page = friendlyPage(e);
        assertEquals("Something went wrong", page.select("main h1").text());
        assertFalse(page.text().contains("Before the failure"), "nothing of the failed page leaks into the answer");
    }

    @Test
    void aControllerThatThrowsAnswersTheSameErrorPage() {
        HttpClientResponseException e = browse("/broken/controller", null);

        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, e.getStatus());
        assertEquals("Something went wrong", friendlyPage(e).select("main h1").text());
    }

    @Test
    void anUnknownAddressAnswersAFriendlyNotFoundPage() {
        HttpClientResponseException e = browse("/no/such/page", null);

        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("Page not found", friendlyPage(e).select("main h1").text());
    }

    @Test
    void theErrorPageShowsTheRequestIdTheCallerSent() {
        HttpClientResponseException e = browse("/broken/controller", "support-ticket-42");

        assertEquals("support-ticket-42", friendlyPage(e).select(".request-id").text());
    }

    private HttpClientResponseException browse(String uri, String requestId) {
        HttpRequest<?> request = HttpRequest.GET(uri).accept(MediaType.TEXT_HTML_TYPE);
        if (requestId != null) {
            request = HttpRequest.GET(uri).accept(MediaType.TEXT_HTML_TYPE).header("X-Request-Id", requestId);
        }
        HttpRequest<?> sent = request;
        return assertTimeoutPreemptively(PROMPTLY, () -> assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(sent, String.class)));
    }

    /** The shop's layout, the request id of the response, and nothing of the exception. */
    private static Document friendlyPage(HttpClientResponseException e) {
        assertEquals(MediaType.TEXT_HTML_TYPE, e.getResponse().getContentType().orElseThrow());
        String html = e.getResponse().getBody(String.class).orElseThrow();
        Document page = Jsoup.parse(html);
        assertEquals("Shop", page.select("nav.nav a").first().text(), "the shop's layout");
        assertTrue(page.select("a[href=/]").size() > 0, "a way back");
        String requestId = e.getResponse().getHeaders().get("X-Request-Id");
        assertEquals(requestId, page.select(".request-id").text(), "the request id, as in the response header");
        assertFalse(html.contains("secret internals"), "no exception message");
        assertFalse(html.contains("Exception") || html.contains("\tat "), "no stack trace");
        return page;
    }
}
