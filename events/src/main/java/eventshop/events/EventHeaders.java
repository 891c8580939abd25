package eventshop.events;

/** Kafka header names. Headers repeat the envelope fields that routing and tracing need without parsing the payload. */
public final class EventHeaders {

    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_ID = "event-id";
    public static final String CORRELATION_ID = "correlation-id";

    /** Set on records republished from the audit journal. */
    public static final String REPLAYED = "replayed";

    /** Set on dead-lettered records: where the original came from and why it could not be processed. */
    public static final String DLT_SOURCE_TOPIC = "dlt-source-topic";
    public static final String DLT_SOURCE_PARTITION = "dlt-source-partition";
    public static final String DLT_SOURCE_OFFSET = "dlt-source-offset";
    public static final String DLT_CONSUMER_GROUP = "dlt-consumer-group";
    public static final String DLT_ERROR = "dlt-error";

    /** The HTTP header carrying the correlation id from the browser click onwards. */
    public static final String HTTP_REQUEST_ID = "X-Request-Id";

    /**
     * The HTTP header in which web-ui names the signed-in staff member it calls a back-end for (with its own service
     * credentials), so the back-end's log says who restocked or replayed. Trusted only from the service account.
     */
    public static final String HTTP_STAFF_MEMBER = "X-Staff-Member";

    private EventHeaders() {
    }
}
