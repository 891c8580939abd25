package eventshop.webui.forms;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The idempotency key a command form carries in a hidden field: fresh for every form the server renders, kept when a
 * form comes back with errors, so one filled-in form is one order or one restock however often it is sent.
 */
public final class IdempotencyKeys {

    /** What the back-ends accept as an Idempotency-Key; anything else from a form is replaced by a fresh key. */
    private static final Pattern ACCEPTED = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private IdempotencyKeys() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    public static String orFresh(String submitted) {
        return submitted != null && ACCEPTED.matcher(submitted).matches() ? submitted : fresh();
    }
}
