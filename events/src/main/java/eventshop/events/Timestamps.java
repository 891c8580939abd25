package eventshop.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one clock reading of the shop. Microseconds are what PostgreSQL's {@code timestamptz} keeps, so an instant that
 * is stored, put in an event and read back compares equal everywhere (a nanosecond reading would not survive the
 * database, and the event would disagree with the row it describes).
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
