package eventshop.platform.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * HTTP Basic on the back-end APIs ({@code curl -u staff:…}) checked against the configured accounts. Runs on the
 * blocking pool (the executor provider's default): a BCrypt check must not hold an event-loop thread.
 */
@Singleton
public class BasicAuthAccounts<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final AccountDirectory directory;

    public BasicAuthAccounts(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> credentials) {
        return directory.verify(credentials.getIdentity(), credentials.getSecret())
                .map(roles -> AuthenticationResponse.success(credentials.getIdentity(), roles))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
