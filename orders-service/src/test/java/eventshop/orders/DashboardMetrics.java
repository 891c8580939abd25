package eventshop.orders;

import eventshop.platform.observability.EventMetrics;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the provisioned Grafana dashboard ({@code deploy/grafana/dashboards/event-shop.json}) queries,
 * checked against a real {@code /prometheus} answer: Micrometer's Prometheus names (dots to underscores, units and
 * {@code _total} appended) are easy to guess wrong, and a wrong guess is an empty panel, not an error. This service
 * has consumers, producers, an outbox and HTTP, so it exposes every kind of metric the dashboard uses.
 */
final class DashboardMetrics {

    static final Path DASHBOARD = Path.of("../deploy/grafana/dashboards/event-shop.json");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "increase", "irate",
            "by", "without", "on", "ignoring", "and", "or", "unless");
    /** Counters made at their first increment (they carry the topic), so absent from a quiet service's answer. */
    private static final Set<String> MADE_ON_FIRST_USE = Set.of(prometheusCounter(EventMetrics.DEAD_LETTERED),
            prometheusCounter(EventMetrics.FAILED));
    /** Series Prometheus itself writes for every scrape target (the "Services up" panel), never in a service's answer. */
    private static final Set<String> WRITTEN_BY_PROMETHEUS = Set.of("up");

    private DashboardMetrics() {
    }

    /** The dashboard's metrics that {@code prometheus} (a /prometheus answer) does not expose. */
    static Set<String> missingFrom(String prometheus, JsonMapper json) {
        Set<String> missing = new TreeSet<>();
        for (String metric : queried(json)) {
            boolean exposed = prometheus.lines().anyMatch(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"));
            if (!exposed && !MADE_ON_FIRST_USE.contains(metric) && !WRITTEN_BY_PROMETHEUS.contains(metric)) {
                missing.add(metric);
            }
        }
        return missing;
    }

    static Set<String> queried(JsonMapper json) {
        Set<String> metrics = new TreeSet<>();
        try {
            collect(json.readValue(Files.readAllBytes(DASHBOARD), JsonNode.class), metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("the dashboard is part of the repository", e);
        }
        if (metrics.isEmpty()) {
            throw new IllegalStateException("no query found in " + DASHBOARD);
        }
        return metrics;
    }

    private static void collect(JsonNode node, Set<String> metrics) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.entries()) {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    metricsOf(field.getValue().getStringValue(), metrics);
                } else {
                    collect(field.getValue(), metrics);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(value -> collect(value, metrics));
        }
    }

    private static void metricsOf(String query, Set<String> metrics) {
        String names = query.replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("\\{[^}]*}", " ")                                  // label matchers
                .replaceAll("\\[[^]]*]", " ");                                 // range selectors
        Matcher name = IDENTIFIER.matcher(names);
        while (name.find()) {
            if (!PROMQL.contains(name.group())) {
                metrics.add(name.group());
            }
        }
    }

    private static String prometheusCounter(String micrometerName) {
        return micrometerName.replace('.', '_') + "_total";
    }
}
