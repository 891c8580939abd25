package eventshop.webui.orders;

import eventshop.events.Topics;
import eventshop.webui.audit.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import static org.assertj.core.api.Assertions.assertThat;


/** Arrows go to the service that reacted, as {@link Topics#ALL} names each topic's consumers. */
class TimelineDiagramTest {

    private static final Instant CLICK = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void eachEventPointsAtTheConsumerThatReactedNextOrDashedAtTheJournal() {
        List<Timeline.Event> events = new ArrayList<>();
        events.add(event("OrderPlaced", Topics.ORDERS, "orders-service", 20));
        events.add(event("StockReserved", Topics.INVENTORY, "inventory-notification-service", 150));
        events.add(event("NotificationSent", Topics.NOTIFICATIONS, "inventory-notification-service", 160));
        events.add(event("OrderConfirmed", Topics.ORDERS, "orders-service", 300));

        TimelineDiagram diagram = TimelineDiagram.of(CLICK, events);

        List<String> arrows = diagram.rows().stream().skip(1)
                .map(row -> row.label() + " -> " + lane(diagram, row.toX()) + (row.dashed() ? " (dashed)" : ""))
                .toList();
        assertThat(arrows).isEqualTo(List.of(
                "OrderPlaced -> inventory-notification-service",
                "StockReserved -> orders-service",
                // nobody acts on notifications: audit and web-ui only record and show them
                "NotificationSent -> audit-service (dashed)",
                // inventory consumes shop.orders, but reacted to nothing after the confirmation
                "OrderConfirmed -> audit-service (dashed)"));
    }

    private static String lane(TimelineDiagram diagram, int x) {
        return diagram.lanes().stream().filter(l -> l.x() == x).findFirst().orElseThrow().name();
    }

    private static Timeline.Event event(String type, String topic, String source, long ms) {
        return new Timeline.Event(UUID.randomUUID(), type, topic, source, "req-1", CLICK.plusMillis(ms), null, ms, 0);
    }
}
