package eventshop.orders.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The original coffee-order API knows only a customer's name, but an OrderPlaced event must carry an e-mail address.
 * We derive one under {@code .invalid}, a top-level domain reserved by RFC 2606 so that it can never be delivered:
 * "Jean Dupont" becomes {@code jean.dupont@legacy.invalid}. Notifications to it are visibly placeholders.
 */
public final class LegacyCustomer {

    public static final String PLACEHOLDER_DOMAIN = "legacy.invalid";
    private static final int MAX_LOCAL_PART = 64;

    private LegacyCustomer() {
    }

    public static String placeholderEmail(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String local = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (local.length() > MAX_LOCAL_PART) {
            local = local.substring(0, MAX_LOCAL_PART).replaceAll("\\.+$", "");
        }
        return (local.isEmpty() ? "customer" : local) + "@" + PLACEHOLDER_DOMAIN;
    }
}
