package eventshop.webui.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signed double-submit CSRF tokens: a random nonce and its HMAC-SHA256 under web-ui's signing secret, in a
 * SameSite=Strict, HttpOnly cookie and the same token in a hidden field of every form. A forged cross-site request can
 * neither read the cookie nor make the browser send it; and because the token is signed, a cookie planted from a
 * sibling subdomain (which cookies allow) is not one this server made, so it is refused too.
 */
@Singleton
public final class CsrfTokens {

    public static final String COOKIE = "eventshop_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** Set by {@link CsrfFilter} on a request that arrived without a cookie: the token it is about to issue. */
    static final String NEW_TOKEN_ATTRIBUTE = "eventshop.csrf.new-token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public CsrfTokens(@Value("${eventshop.web.signing-secret}") String secret) {
        // A key of its own, derived from the shared secret, so a CSRF signature is never a valid JWT signature.
        this.key = new SecretKeySpec(("csrf:" + secret).getBytes(StandardCharsets.UTF_8), HMAC);
    }

    public String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return nonce + "." + sign(nonce);
    }

    /** Whether the token is one this server signed (whatever cookie it came in). */
    boolean signed(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        return MessageDigest.isEqual(sign(token.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
                token.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String nonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The token the forms of this response must carry: the cookie's, or the one being issued with this response. */
    public static String forRequest(HttpRequest<?> request) {
        return request.getAttribute(NEW_TOKEN_ATTRIBUTE, String.class)
                .or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue))
                .orElse("");
    }

    /**
     * The submitted token is the cookie's, and this server signed it. Constant-time comparison, so that response
     * timing tells nothing about how much of a guess was right.
     */
    boolean matches(String expected, String submitted) {
        if (expected == null || expected.isEmpty() || submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8)) && signed(expected);
    }
}
