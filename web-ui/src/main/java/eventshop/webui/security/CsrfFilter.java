package eventshop.webui.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import java.net.URI;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects every state-changing request that comes from another origin ({@code Origin} header) or whose CSRF token
 * (form field {@code _csrf} or header {@code X-CSRF-Token}) does not match the cookie or was not signed by this
 * server, and issues the cookie to browsers that have none. The sign-in form is covered like every other form.
 *
 * <p>Why not micronaut-security-csrf: it does not resolve from the registry here (4.15.x), and it binds tokens to a
 * server-side session this shop does not have (the sign-in is a stateless JWT cookie); a signed double-submit cookie
 * is the well-known fit for that.
 */
@ServerFilter("/**")
public class CsrfFilter {

    private final CsrfTokens tokens;

    public CsrfFilter(CsrfTokens tokens) {
        this.tokens = tokens;
    }

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
                request.setAttribute(CsrfTokens.NEW_TOKEN_ATTRIBUTE, tokens.newToken());
            }
            return null;
        }
        if (!sameOrigin(request)) {
            return forbidden(request);
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

    private @Nullable HttpResponse<?> verdict(HttpRequest<?> request, String expected, String submitted) {
        return tokens.matches(expected, submitted) ? null : forbidden(request);
    }

    /**
     * A browser names the page's origin on every POST; it must be this server (the Host it was sent to). A request
     * without Origin (not from a browser, or an old one) is left to the token.
     */
    static boolean sameOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed or privacy-sensitive context) or garbage
        }
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
        LOG.warn("rejected {} {}: missing or wrong CSRF token, or another origin ({})", request.getMethod(),
                request.getPath(), request.getHeaders().get(HttpHeaders.ORIGIN));
        return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("This form has expired or did not come from this site. Go back, reload the page and try again.");
    }
}
