package eventshop.events;

/** A record that is not a valid event. Consumers dead-letter it; the audit journal stores it as invalid. */
public class EventDecodingException extends RuntimeException {

    public enum Reason { NOT_UTF8, MALFORMED_JSON, MISSING_FIELD, UNKNOWN_TYPE, UNSUPPORTED_VERSION, INVALID_DATA }

    private final Reason reason;

    public EventDecodingException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public EventDecodingException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
