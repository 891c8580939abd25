package eventshop.audit.domain;

/**
 * Makes strings from untrusted records safe for PostgreSQL text columns. A decodable envelope may still carry a
 * {@code \u0000} escape in a free-text field; left in, it would make the insert fail on every retry and stall the
 * journal behind one record.
 */
public final class JournalText {

    private static final int MAX_ERROR_LENGTH = 2000;

    private JournalText() {
    }

    public static String clean(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    public static String error(String message) {
        String cleaned = clean(String.valueOf(message));
        return cleaned.length() > MAX_ERROR_LENGTH ? cleaned.substring(0, MAX_ERROR_LENGTH) + "…" : cleaned;
    }
}
