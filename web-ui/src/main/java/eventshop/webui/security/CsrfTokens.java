package eventshop.webui.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Double-submit CSRF tokens: a random token in a SameSite=Strict, HttpOnly cookie and the same token in a hidden
 * field of every form. A forged cross-site request can neither read the cookie nor make the browser send it.
 */
public final class CsrfTokens {

    public static final String COOKIE = "eventshop_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** Set by {@link CsrfFilter} on a request that arrived without a cookie: the token it is about to issue. */
    static final String NEW_TOKEN_ATTRIBUTE = "eventshop.csrf.new-token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token the forms of this response must carry: the cookie's, or the one being issued with this response. */
    public static String forRequest(HttpRequest<?> request) {
        return request.getAttribute(NEW_TOKEN_ATTRIBUTE, String.class)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue))
                .orElse("");
    }

    /** Constant-time comparison, so that response timing tells nothing about how much of a guess was right. */
    static boolean matches(String expected, String submitted) {
        if (expected == null || expected.isEmpty() || submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }
}
