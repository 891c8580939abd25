package eventshop.webui.errors;

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

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        Document page = friendlyPage(e);
        assertThat(page.select("main h1").text()).isEqualTo("Something went wrong");
        assertThat(page.text().contains("Before the failure")).as("nothing of the failed page leaks into the answer").isFalse();
    }

    @Test
    void aControllerThatThrowsAnswersTheSameErrorPage() {
        HttpClientResponseException e = browse("/broken/controller", null);

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        assertThat(friendlyPage(e).select("main h1").text()).isEqualTo("Something went wrong");
    }

    @Test
    void anUnknownAddressAnswersAFriendlyNotFoundPage() {
        HttpClientResponseException e = browse("/no/such/page", null);

        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(friendlyPage(e).select("main h1").text()).isEqualTo("Page not found");
    }

    @Test
    void theErrorPageShowsTheRequestIdTheCallerSent() {
        HttpClientResponseException e = browse("/broken/controller", "support-ticket-42");

        assertThat(friendlyPage(e).select(".request-id").text()).isEqualTo("support-ticket-42");
    }

    private HttpClientResponseException browse(String uri, String requestId) {
        HttpRequest<?> request = HttpRequest.GET(uri).accept(MediaType.TEXT_HTML_TYPE);
        if (requestId != null) {
            request = HttpRequest.GET(uri).accept(MediaType.TEXT_HTML_TYPE).header("X-Request-Id", requestId);
        }
        HttpRequest<?> sent = request;
        HttpClientResponseException refusal = assertTimeoutPreemptively(PROMPTLY, () -> catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(sent, String.class)));
        assertThat(refusal).as("an error page").isNotNull();
        return refusal;
    }

    /** The shop's layout, the request id of the response, and nothing of the exception. */
    private static Document friendlyPage(HttpClientResponseException e) {
        assertThat(e.getResponse().getContentType().orElseThrow()).isEqualTo(MediaType.TEXT_HTML_TYPE);
        String html = e.getResponse().getBody(String.class).orElseThrow();
        Document page = Jsoup.parse(html);
        assertThat(page.select("nav.nav a").first().text()).as("the shop's layout").isEqualTo("Shop");
        assertThat(page.select("a[href=/]").size() > 0).as("a way back").isTrue();
        String requestId = e.getResponse().getHeaders().get("X-Request-Id");
        assertThat(page.select(".request-id").text()).as("the request id, as in the response header").isEqualTo(requestId);
        assertThat(html.contains("secret internals")).as("no exception message").isFalse();
        assertThat(html.contains("Exception") || html.contains("\tat ")).as("no stack trace").isFalse();
        return page;
    }
}
