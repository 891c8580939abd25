package eventshop.platform.correlation;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;

/**
 * The id of the click that started a chain of work. It lives in the logging MDC (so every log line carries it), is
 * propagated by Micronaut across threads of a request, and is copied into the envelope and headers of every event.
 */
public final class CorrelationId {

    public static final String MDC_KEY = "correlationId";
    private static final int MAX_LENGTH = 100;

    private CorrelationId() {
    }

    /** The correlation id of the work in progress, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** The current id, or a new one for work that no request started (a scheduled job, a replay). */
    public static String currentOrNew() {
        return current().orElseGet(CorrelationId::newId);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Accepts a caller's id when it is printable and short, so a header cannot inject into logs. */
    public static Optional<String> sanitize(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > MAX_LENGTH
                || !candidate.matches("[A-Za-z0-9._:\\-]+")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /** Runs work with the given id in the MDC, restoring what was there before. */
    public static void runWith(String correlationId, Runnable work) {
        String previous = MDC.get(MDC_KEY);
        if (correlationId != null) {
            MDC.put(MDC_KEY, correlationId);
        }
        try {
            work.run();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
