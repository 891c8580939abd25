package eventshop.webui.live;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an anonymous visitor may see of a customer: initials for a name ({@code Jean Dupont} → {@code J. D.}) and the
 * first letter and domain of an e-mail address ({@code jean@example.com} → {@code j***@example.com}). Enough to watch
 * the shop work, not enough to learn who bought what.
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return Arrays.stream(name.trim().split("\\s+"))
                .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".")
                .collect(Collectors.joining(" "));
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }
}
