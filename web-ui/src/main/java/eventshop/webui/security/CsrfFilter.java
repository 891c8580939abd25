package eventshop.webui.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.uri.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects every state-changing request whose CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token})
 * does not match the cookie, and issues the cookie to browsers that have none.
 *
 * <p>Why not micronaut-security-csrf: it issues its cookie in a login response and binds tokens to a session, and
 * it brings Micronaut Security's whole filter chain; this shop has no login, so a double-submit cookie is the
 * smaller, well-known fit.
 */
@ServerFilter("/**")
public class CsrfFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /**
     * Runs on the blocking pool: a form's body may arrive after its headers, and reading it here (a copy: the
     * controller still binds the form from the original) waits for it without holding an event-loop thread.
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        Optional<Cookie> cookie = request.getCookies().findCookie(CsrfTokens.COOKIE);
        if (SAFE.contains(request.getMethod())) {
            if (cookie.isEmpty()) {
                request.setAttribute(CsrfTokens.NEW_TOKEN_ATTRIBUTE, CsrfTokens.newToken());
            }
            return null;
        }
        String expected = cookie.map(Cookie::getValue).orElse(null);
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return verdict(request, expected, header);
        }
        if (!(request instanceof ServerHttpRequest<?> serverRequest) || !request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false)) {
            return forbidden(request);
        }
        return verdict(request, expected, formField(serverRequest));
    }

    @ResponseFilter
    public void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CsrfTokens.NEW_TOKEN_ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                Cookie.of(CsrfTokens.COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Strict)));
    }

    private static @Nullable HttpResponse<?> verdict(HttpRequest<?> request, String expected, String submitted) {
        return CsrfTokens.matches(expected, submitted) ? null : forbidden(request);
    }

    private static String formField(ServerHttpRequest<?> request) {
        try (CloseableByteBody copy = request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST)
                .allowDiscard(); InputStream in = copy.toInputStream()) {
            String form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> values = new QueryStringDecoder(form, false).parameters().get(CsrfTokens.FIELD);
            return values == null || values.isEmpty() ? null : values.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    private static HttpResponse<?> forbidden(HttpRequest<?> request) {
        LOG.warn("rejected {} {}: missing or wrong CSRF token", request.getMethod(), request.getPath());
        return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("This form has expired or did not come from this site. Go back, reload the page and try again.");
    }
}
