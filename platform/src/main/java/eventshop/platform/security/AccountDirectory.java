package eventshop.platform.security;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured accounts ({@link AccountSettings}) and the one check of a name and password against them.
 *
 * <p>A BCrypt check costs tens of milliseconds of CPU on purpose. HTTP Basic sends the password with every request,
 * and web-ui calls the back-ends with its credentials on every page, so a successful check is remembered for a few
 * minutes under a SHA-256 digest of name and password (never the password itself): the next request with the same
 * credentials costs a hash lookup, a wrong password still costs a full BCrypt check.
 */
@Singleton
public class AccountDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);
    private static final long REMEMBER_NANOS = 5L * 60 * 1_000_000_000;
    private static final int REMEMBER_AT_MOST = 256;

    private record Account(String name, String hash, List<String> roles) {
    }

    private record Remembered(List<String> roles, long until) {
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Remembered> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                    return size() > REMEMBER_AT_MOST;
                }
            });

    public AccountDirectory(List<AccountSettings> settings) {
        for (AccountSettings account : settings) {
            String hash = hashOf(account);
            if (hash == null) {
                LOG.info("account '{}' has no password or password hash configured: it cannot sign in",
                        account.getName());
                continue;
            }
            accounts.put(account.getName(), new Account(account.getName(), hash, account.getRoles()));
        }
    }

    /** The account's roles when the password is right; empty for an unknown name or a wrong password. */
    public Optional<List<String>> verify(String name, String password) {
        Account account = accounts.get(name);
        if (account == null || password == null) {
            return Optional.empty();
        }
        String key = digest(name, password);
        Remembered earlier = verified.get(key);
        if (earlier != null && earlier.until() - System.nanoTime() > 0) {
            return Optional.of(earlier.roles());
        }
        if (!BCrypt.checkpw(password, account.hash())) {
            return Optional.empty();
        }
        verified.put(key, new Remembered(account.roles(), System.nanoTime() + REMEMBER_NANOS));
        return Optional.of(account.roles());
    }

    private static String hashOf(AccountSettings account) {
        if (account.getPasswordHash() != null && !account.getPasswordHash().isBlank()) {
            return account.getPasswordHash().trim();
        }
        if (account.getPassword() != null && !account.getPassword().isEmpty()) {
            return BCrypt.hashpw(account.getPassword(), BCrypt.gensalt());
        }
        return null;
    }

    private static String digest(String name, String password) {
        try {
            byte[] bytes = MessageDigest.getInstance("SHA-256")
                    .digest((name + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
