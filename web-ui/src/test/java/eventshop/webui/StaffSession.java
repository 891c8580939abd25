package eventshop.webui;

import eventshop.webui.security.CsrfTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;


/** A staff member signed in through the real sign-in form: the JWT cookie to send with staff pages. */
public record StaffSession(Cookie cookie) {

    public static final String SIGNING_SECRET = "a-test-signing-secret-that-is-long-enough-for-hs256";
    public static final String STAFF_PASSWORD = "test-staff-password";
    public static final String SERVICE_PASSWORD = "test-service-password";

    /** Properties for web-ui under test: the staff account, the back-end credentials and a fixed signing secret. */
    public static Map<String, String> properties() {
        return Map.of("eventshop.web.signing-secret", SIGNING_SECRET,
                "eventshop.security.accounts.staff.password", STAFF_PASSWORD,
                "eventshop.backend.password", SERVICE_PASSWORD);
    }

    public static StaffSession signIn(HttpClient client, String csrfToken) {
        HttpResponse<String> response = client.toBlocking().exchange(signInForm("staff", STAFF_PASSWORD, csrfToken),
                String.class);
        assertThat(response.code()).as("signed in and sent on").isEqualTo(303);
        Cookie jwt = response.getCookie("JWT").orElse(null);
        assertThat(jwt).as("the sign-in cookie").isNotNull();
        return new StaffSession(jwt);
    }

    /**
     * A form as this staff member's browser posts it from a page that carried {@code csrfToken}: the token as the
     * {@code _csrf} field and as its cookie, and the sign-in cookie. {@code fields} is the url-encoded form.
     */
    public HttpRequest<String> form(String uri, String fields, String csrfToken) {
        return form(uri, fields, csrfToken, csrfToken);
    }

    /** The same with another token in the {@code _csrf} field than in the cookie: a forged or stale form. */
    public HttpRequest<String> form(String uri, String fields, String fieldToken, String cookieToken) {
        String csrfField = "_csrf=" + URLEncoder.encode(fieldToken, StandardCharsets.UTF_8);
        return HttpRequest.POST(uri, fields.isEmpty() ? csrfField : fields + "&" + csrfField)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(Cookie.of(CsrfTokens.COOKIE, cookieToken)).cookie(cookie);
    }

    public static HttpRequest<String> signInForm(String name, String password, String csrfToken) {
        return HttpRequest.POST("/login", "username=" + name + "&password=" + URLEncoder.encode(password,
                        StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of("eventshop_csrf", csrfToken));
    }
}
