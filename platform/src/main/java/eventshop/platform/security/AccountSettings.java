package eventshop.platform.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One account that may sign in, from configuration: {@code eventshop.security.accounts.<name>.password-hash} (BCrypt)
 * and {@code roles}. For the local run modes an account may instead be given a plain {@code password} (from an
 * environment variable such as {@code EVENTSHOP_STAFF_PASSWORD}); it is hashed with BCrypt at start-up and never
 * compared in plain. An account with neither is switched off.
 */
@EachProperty("eventshop.security.accounts")
public class AccountSettings {

    private final String name;
    private String passwordHash;
    private String password;
    private List<String> roles = List.of();

    public AccountSettings(@Parameter String name) {
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

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
