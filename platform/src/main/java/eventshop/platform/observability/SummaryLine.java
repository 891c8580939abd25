package eventshop.platform.observability;

import java.util.Locale;

/** The periodic summary line being written: {@code key=value} pairs, separated by spaces, in a stable format. */
public final class SummaryLine {

    private final StringBuilder text;

    SummaryLine(String start) {
        this.text = new StringBuilder(start);
    }

    /** A whole number, e.g. {@code placed=12}. */
    public SummaryLine count(String key, double value) {
        return add(key, String.format(Locale.ROOT, "%.0f", value));
    }

    /** A rate with two decimals, e.g. {@code in_per_s=0.40}. */
    public SummaryLine rate(String key, double value) {
        return add(key, String.format(Locale.ROOT, "%.2f", value));
    }

    /** {@code part} as a percentage of {@code whole}, 100% when there was nothing, e.g. {@code success_rate=99.5%}. */
    public SummaryLine percent(String key, double part, double whole) {
        return add(key, String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 100.0 : 100.0 * part / whole));
    }

    public SummaryLine add(String key, Object value) {
        text.append(' ').append(key).append('=').append(value);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
