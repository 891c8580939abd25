package eventshop.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every back-end's security test makes: a staff endpoint refuses an anonymous caller with 401 and an RFC
 * 7807 problem, an account without the staff role with 403, and serves the staff account and web-ui's service
 * account; the management endpoints other than health and prometheus are not there at all.
 */
public final class AccessChecks {

    /** Management endpoints Micronaut has, none of which a service exposes any more. */
    public static final List<String> CLOSED_MANAGEMENT = List.of("/routes", "/threaddump", "/env", "/beans",
            "/loggers", "/info", "/refresh", "/caches", "/stop");

    private AccessChecks() {
    }

    /** @param request a fresh request each call (a request is sent several times with different credentials) */
    public static void staffOnly(Http http, Supplier<MutableHttpRequest<?>> request) {
        String what = request.get().getMethodName() + " " + request.get().getPath();
        refusedUnlessStaff(http, request);
        Http.Reply staff = http.send(request.get().basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        assertThat(staff.status()).as("staff, " + what + ": " + staff.body()).isBetween(200, 299);
        Http.Reply service = http.send(request.get().basicAuth(TestAccounts.SERVICE, TestAccounts.SERVICE_PASSWORD)
                .header("X-Staff-Member", "alice"));
        assertThat(service.status()).as("web-ui for a staff member, " + what + ": " + service.body())
                .isBetween(200, 299);
    }

    /**
     * 401 without or with wrong credentials, 403 for an account without the staff role; staff and web-ui's account
     * get past the door (whatever the endpoint then answers, never 401 or 403).
     */
    public static void refusedUnlessStaff(Http http, Supplier<MutableHttpRequest<?>> request) {
        String what = request.get().getMethodName() + " " + request.get().getPath();
        Http.Reply anonymous = http.send(request.get());
        assertThat(anonymous.status()).as("anonymous " + what + ": " + anonymous.body()).isEqualTo(401);
        assertThat(anonymous.contentType()).as(what).startsWith("application/problem+json");
        assertThat(anonymous.text("detail")).as(what).contains("staff");
        assertThat(anonymous.headers().get("WWW-Authenticate")).as(what).startsWith("Basic");

        Http.Reply wrongPassword = http.send(request.get().basicAuth(TestAccounts.STAFF, "not-the-password"));
        assertThat(wrongPassword.status()).as("wrong password, " + what).isEqualTo(401);

        Http.Reply visitor = http.send(request.get().basicAuth(TestAccounts.VISITOR, TestAccounts.VISITOR_PASSWORD));
        assertThat(visitor.status()).as("an account without the staff role, " + what + ": " + visitor.body())
                .isEqualTo(403);
        assertThat(visitor.contentType()).as(what).startsWith("application/problem+json");

        assertThat(http.send(request.get().basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)).status())
                .as("staff, " + what).isNotIn(401, 403);
        assertThat(http.send(request.get().basicAuth(TestAccounts.SERVICE, TestAccounts.SERVICE_PASSWORD)).status())
                .as("web-ui, " + what).isNotIn(401, 403);
    }

    /** Open to anyone: no credentials needed, and none is refused. */
    public static void open(Http http, Supplier<MutableHttpRequest<?>> request) {
        Http.Reply anonymous = http.send(request.get());
        assertThat(anonymous.status()).as("anonymous " + request.get().getPath() + ": " + anonymous.body())
                .isNotIn(401, 403);
    }

    /**
     * Only health and prometheus answer; health tells an anonymous caller UP or DOWN without the details (database,
     * Kafka), which staff see.
     */
    public static void managementClosed(Http http) {
        for (String path : CLOSED_MANAGEMENT) {
            assertThat(http.send(HttpRequest.GET(path).basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD))
                    .status()).as("GET " + path).isIn(401, 403, 404);
            assertThat(http.send(HttpRequest.POST(path, "{}")).status()).as("POST " + path).isIn(401, 403, 404, 405);
        }
        Http.Reply health = http.send(HttpRequest.GET("/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.json().get("details")).as("anonymous health has no details: " + health.body()).isNull();
        Http.Reply staffHealth = http.send(HttpRequest.GET("/health")
                .basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD));
        assertThat(staffHealth.json().get("details")).as("staff see the details").isNotNull();
        assertThat(http.send(HttpRequest.GET("/prometheus")).status()).isEqualTo(200);
    }
}
