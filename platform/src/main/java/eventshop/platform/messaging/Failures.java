package eventshop.platform.messaging;

import eventshop.events.EventDecodingException;

import java.sql.SQLException;

/**
 * Tells a permanent failure (this record can never be applied: retrying it only blocks its partition) from a
 * transient one (the database or broker is away, a deadlock, a serialization failure, a bug fixed by a restart),
 * which must never cost a valid event: it is retried until it passes.
 */
final class Failures {

    /** SQLSTATE class 22, "data exception": a value from the record that the database cannot store or compute. */
    private static final String DATA_EXCEPTION = "22";

    private Failures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEventException || t instanceof EventDecodingException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }
}
