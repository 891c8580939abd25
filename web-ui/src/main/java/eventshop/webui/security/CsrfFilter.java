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
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.uri.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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

    @RequestFilter
    public CompletableFuture<@Nullable HttpResponse<?>> check(HttpRequest<?> request) {
        Optional<Cookie> cookie = request.getCookies().findCookie(CsrfTokens.COOKIE);
        if (SAFE.contains(request.getMethod())) {
            if (cookie.isEmpty()) {
                request.setAttribute(CsrfTokens.NEW_TOKEN_ATTRIBUTE, CsrfTokens.newToken());
            }
            return CompletableFuture.completedFuture(null);
        }
        String expected = cookie.map(Cookie::getValue).orElse(null);
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return CompletableFuture.completedFuture(verdict(request, expected, header));
        }
        if (!(request instanceof ServerHttpRequest<?> serverRequest) || !request.getContentType()
                .map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false)) {
            return CompletableFuture.completedFuture(forbidden(request));
        }
        // Read a copy of the body: the controller still binds the form from the original.
        return serverRequest.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).allowDiscard().buffer()
                .thenApply(body -> verdict(request, expected, formField(body)));
    }

    @ResponseFilter
    public void issueCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(CsrfTokens.NEW_TOKEN_ATTRIBUTE, String.class).ifPresent(token -> response.cookie(
                Cookie.of(CsrfTokens.COOKIE, token).path("/").httpOnly(true).sameSite(SameSite.Strict)));
    }

    private static @Nullable HttpResponse<?> verdict(HttpRequest<?> request, String expected, String submitted) {
        return CsrfTokens.matches(expected, submitted) ? null : forbidden(request);
    }

    private static String formField(CloseableAvailableByteBody body) {
        try (body) {
            String form = new String(body.toByteArray(), StandardCharsets.UTF_8);
            List<String> values = new QueryStringDecoder(form, false).parameters().get(CsrfTokens.FIELD);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private static HttpResponse<?> forbidden(HttpRequest<?> request) {
        LOG.warn("rejected {} {}: missing or wrong CSRF token", request.getMethod(), request.getPath());
        return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("This form has expired or did not come from this site. Go back, reload the page and try again.");
    }
}
