package eventshop.webui.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the sign-in form ({@code POST /login}) against the configured staff accounts with BCrypt, on the blocking
 * pool. A signed-in member gets the role STAFF in a signed JWT cookie; nothing is kept on the server.
 */
@Singleton
public class StaffSignIn<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    public static final String STAFF = "STAFF";
    private static final Logger LOG = LoggerFactory.getLogger(StaffSignIn.class);
    /** Compared against when the name is unknown, so a wrong name costs as long as a wrong password. */
    private static final String NO_SUCH_ACCOUNT = BCrypt.hashpw("no such account", BCrypt.gensalt());

    private final Map<String, String> hashes = new HashMap<>();

    public StaffSignIn(List<StaffAccounts> accounts) {
        for (StaffAccounts account : accounts) {
            if (account.getPasswordHash() != null && !account.getPasswordHash().isBlank()) {
                hashes.put(account.getName(), account.getPasswordHash().trim());
            } else if (account.getPassword() != null && !account.getPassword().isEmpty()) {
                hashes.put(account.getName(), BCrypt.hashpw(account.getPassword(), BCrypt.gensalt()));
            } else {
                LOG.info("staff account '{}' has no password configured: it cannot sign in", account.getName());
            }
        }
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        String name = credentials.getIdentity();
        String hash = hashes.getOrDefault(name, NO_SUCH_ACCOUNT);
        boolean matches = credentials.getSecret() != null && BCrypt.checkpw(credentials.getSecret(), hash);
        if (!matches || !hashes.containsKey(name)) {
            LOG.warn("sign-in refused for '{}'", name);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        LOG.info("staff member '{}' signed in", name);
        return AuthenticationResponse.success(name, List.of(STAFF));
    }
}
