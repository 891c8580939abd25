package eventshop.webui.orders;

import eventshop.events.Topics;
import eventshop.webui.audit.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays out an order's journaled events as a sequence diagram: one swimlane per service, one row per event in time
 * order, an arrow from the service that published it to the service that reacted to it (the next later event from
 * a service that consumes that topic, as {@link Topics#ALL} says), or, dashed, to the audit journal when no service reacted. Labelled with the
 * milliseconds since the click. Pure geometry; the template draws it.
 */
public record TimelineDiagram(int width, int height, List<Lane> lanes, List<Row> rows) {

    public record Lane(String name, int x) {
    }

    /** One arrow. {@code sinceClickMs} is null for the click itself. */
    public record Row(int y, String label, String topic, String msLabel, int fromX, int toX, boolean dashed) {

        public int labelX() {
            return (fromX + toX) / 2;
        }

        public int arrowEndX() {
            // Stop short of the target lane's line so the arrowhead stays visible.
            return toX > fromX ? toX - 6 : toX + 6;
        }
    }

    static final List<String> SERVICES = List.of("web-ui", "orders-service", "inventory-notification-service",
            "audit-service");
    /** They read every topic to journal it and to show it; they never react to an event with one of their own. */
    static final Set<String> OBSERVERS = Set.of("audit-service", "web-ui");
    private static final int MS_COLUMN = 70;
    private static final int LANE_WIDTH = 195;
    private static final int HEADER = 50;
    private static final int ROW_HEIGHT = 46;

    public static TimelineDiagram of(Instant clickedAt, List<Timeline.Event> events) {
        List<String> laneNames = new ArrayList<>(SERVICES);
        events.stream().map(Timeline.Event::source).filter(s -> !laneNames.contains(s)).distinct()
                .forEach(s -> laneNames.add(laneNames.size() - 1, s));
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < laneNames.size(); i++) {
            lanes.add(new Lane(laneNames.get(i), MS_COLUMN + i * LANE_WIDTH + LANE_WIDTH / 2));
        }
        Instant t0 = clickedAt;
        if (t0 == null || (!events.isEmpty() && events.get(0).occurredAt().isBefore(t0))) {
            t0 = events.isEmpty() ? Instant.now() : events.get(0).occurredAt();
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(rowY(0), "POST /orders", "HTTP", "0 ms", x(lanes, "web-ui"), x(lanes, "orders-service"),
                false));
        for (int i = 0; i < events.size(); i++) {
            Timeline.Event event = events.get(i);
            String reactor = reactor(events, i);
            boolean reaction = reactor != null;
            int to = x(lanes, reaction ? reactor : "audit-service");
            long ms = Math.max(0, Duration.between(t0, event.occurredAt()).toMillis());
            rows.add(new Row(rowY(i + 1), event.type(), event.topic(), "+" + ms + " ms", x(lanes, event.source()),
                    to, !reaction));
        }
        return new TimelineDiagram(MS_COLUMN + lanes.size() * LANE_WIDTH, rowY(rows.size()), lanes, rows);
    }

    private static String reactor(List<Timeline.Event> events, int index) {
        Timeline.Event event = events.get(index);
        List<String> consumers = Topics.spec(event.topic()).map(Topics.Spec::consumers).orElse(List.of());
        return events.stream().skip(index + 1L).map(Timeline.Event::source)
                .filter(s -> !s.equals(event.source()) && !OBSERVERS.contains(s) && consumers.contains(s))
                .findFirst().orElse(null);
    }

    private static int rowY(int index) {
        return HEADER + index * ROW_HEIGHT + ROW_HEIGHT / 2 + 6;
    }

    private static int x(List<Lane> lanes, String name) {
        return lanes.stream().filter(l -> l.name().equals(name)).findFirst().orElse(lanes.get(0)).x();
    }

    public int laneBottom() {
        return height - 4;
    }
}
