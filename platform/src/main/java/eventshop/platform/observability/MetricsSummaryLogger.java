package eventshop.platform.observability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One line per interval on the logger {@code eventshop.metrics}, the application-health stream kept apart from any
 * business log line: {@code metrics service=<name>}, then the platform's event throughput ({@link EventThroughput}),
 * then each service's own figures ({@link SummaryContributor}), so a service logs one line, not one per concern.
 */
@Singleton
@Requires(property = "eventshop.metrics-summary.enabled", notEquals = "false")
public class MetricsSummaryLogger {

    private static final Logger LOG = LoggerFactory.getLogger("eventshop.metrics");

    private final List<SummaryContributor> contributors;
    private final String serviceName;

    public MetricsSummaryLogger(List<SummaryContributor> contributors,
                                ApplicationConfiguration application) {
        this.contributors = new ArrayList<>(contributors);
        OrderUtil.sort(this.contributors);
        this.serviceName = application.getName().orElseThrow();
    }

    @Scheduled(fixedDelay = "${eventshop.metrics-summary.interval:30s}",
            initialDelay = "${eventshop.metrics-summary.interval:30s}")
    void logSummary() {
        LOG.info(summary());
    }

    /** The next line; rates cover the time since the previous one. */
    public synchronized String summary() {
        SummaryLine line = new SummaryLine("metrics service=" + serviceName);
        contributors.forEach(contributor -> contributor.contribute(line));
        return line.toString();
    }
}
