package eventshop.platform.observability;

import io.micronaut.core.order.Ordered;

/**
 * A service's own figures on the periodic summary line: each bean implementing this adds its {@code key=value} pairs
 * to the one line {@link MetricsSummaryLogger} writes per interval, after the platform's event throughput. Called once
 * per line, so a contributor may keep what it needs for per-interval rates ({@link Rate}).
 */
public interface SummaryContributor extends Ordered {

    void contribute(SummaryLine line);
}
