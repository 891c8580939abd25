package eventshop.webui.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * A staff account that may sign in to the web UI: {@code eventshop.security.accounts.<name>.password-hash} (BCrypt),
 * or for the local run modes a plain {@code password} from the environment ({@code EVENTSHOP_STAFF_PASSWORD}), hashed
 * at start-up. The same keys as the back-ends' accounts (platform's AccountSettings), so one configuration serves
 * both; web-ui has no database and does not depend on platform, hence this small twin.
 */
@EachProperty("eventshop.security.accounts")
public class StaffAccounts {

    private final String name;
    private String passwordHash;
    private String password;

    public StaffAccounts(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(@Nullable String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }
}
