package eventshop.webui.layout;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Date formats for templates ({@code ${fmt.time(x)}}): UTC, to the millisecond where events are compared. */
public final class Formats {

    public static final Formats INSTANCE = new Formats();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Prices with two decimals: 2.5 is shown as 2.50. */
    public String money(@Nullable java.math.BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String precise(@Nullable Instant instant) {
        return instant == null ? "" : PRECISE.format(instant);
    }
}
