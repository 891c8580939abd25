package eventshop.testing;

import java.util.Map;

/**
 * The accounts a service under test knows ({@link TestInfrastructure#properties}): the staff account, web-ui's service
 * account, and an account with a role that may do nothing (for 403 tests). Send them with
 * {@code HttpRequest.basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)}.
 */
public final class TestAccounts {

    public static final String STAFF = "staff";
    public static final String STAFF_PASSWORD = "test-staff-password";
    public static final String SERVICE = "web-ui";
    public static final String SERVICE_PASSWORD = "test-service-password";
    /** Signs in, but with a role no endpoint grants. */
    public static final String VISITOR = "visitor";
    public static final String VISITOR_PASSWORD = "test-visitor-password";

    private TestAccounts() {
    }

    /** The Micronaut properties that configure these accounts (plain passwords, hashed by the service at start). */
    public static Map<String, String> properties() {
        return Map.of(
                "eventshop.security.accounts.staff.password", STAFF_PASSWORD,
                "eventshop.security.accounts.web-ui.password", SERVICE_PASSWORD,
                "eventshop.security.accounts.visitor.password", VISITOR_PASSWORD,
                "eventshop.security.accounts.visitor.roles", "VISITOR");
    }
}
