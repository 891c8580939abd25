package eventshop.audit.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final Instant CLICK = Instant.parse("2026-12-02T10:00:00.000Z");

    @Test
    void stepsFollowTheTimeTheEventsHappenedNotTheOrderTheyWereJournaled() {
        Timeline.Journaled placed = journaled("OrderPlaced", "shop.orders", 0, false);
        Timeline.Journaled reserved = journaled("StockReserved", "shop.inventory", 40, false);
        Timeline.Journaled confirmed = journaled("OrderConfirmed", "shop.orders", 55, false);

        List<Timeline.Step> steps = Timeline.of(List.of(confirmed, placed, reserved));

        assertThat(steps).extracting(step -> step.event().type())
                .containsExactly("OrderPlaced", "StockReserved", "OrderConfirmed");
    }

    @Test
    void eachStepMeasuresTheTimeSinceTheFirstEventAndSinceThePreviousOne() {
        List<Timeline.Step> steps = Timeline.of(List.of(journaled("OrderPlaced", "shop.orders", 0, false),
                journaled("StockReserved", "shop.inventory", 40, false),
                journaled("OrderConfirmed", "shop.orders", 55, false)));

        assertThat(steps).extracting(Timeline.Step::sinceFirstMs).containsExactly(0L, 40L, 55L);
        assertThat(steps).extracting(Timeline.Step::sincePreviousMs).containsExactly(0L, 40L, 15L);
    }

    @Test
    void copiesOfOneEventCollapseIntoTheOriginalsStepAndAreCounted() {
        Timeline.Journaled original = journaled("OrderPlaced", "shop.orders", 0, false);
        Timeline.Journaled resent = copy(original, 5, false, true);
        Timeline.Journaled replayed = copy(original, 9_000, true, false);

        List<Timeline.Step> steps = Timeline.of(List.of(replayed, resent, original));

        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.event()).isEqualTo(original);
            assertThat(step.deliveries()).isEqualTo(3);
            assertThat(step.replays()).isEqualTo(1);
            assertThat(step.resends()).isEqualTo(1);
        });
    }

    @Test
    void aReplayedCopyJournaledFirstDoesNotTakeTheOriginalsPlace() {
        Timeline.Journaled original = journaled("OrderPlaced", "shop.orders", 0, false);
        Timeline.Journaled replayedEarlier = new Timeline.Journaled(original.eventId(), original.type(),
                original.topic(), original.source(), original.correlationId(), original.occurredAt(),
                original.recordedAt().minusMillis(1), true, false);

        Timeline.Step step = Timeline.of(List.of(replayedEarlier, original)).get(0);

        assertThat(step.event().replayed()).isFalse();
    }

    @Test
    void theSameEventDeadLetteredIsAStepOfItsOwn() {
        Timeline.Journaled placed = journaled("OrderPlaced", "shop.orders", 0, false);
        Timeline.Journaled deadLettered = new Timeline.Journaled(placed.eventId(), placed.type(), "shop.deadletter",
                "inventory-notification-service", placed.correlationId(), placed.occurredAt(),
                placed.recordedAt().plusMillis(30), false, false);

        List<Timeline.Step> steps = Timeline.of(List.of(placed, deadLettered));

        assertThat(steps).extracting(step -> step.event().topic()).containsExactly("shop.orders", "shop.deadletter");
        assertThat(steps).extracting(Timeline.Step::deliveries).containsExactly(1, 1);
    }

    @Test
    void noRecordsMakeAnEmptyTimeline() {
        assertThat(Timeline.of(List.of())).isEmpty();
    }

    private static Timeline.Journaled journaled(String type, String topic, long atMs, boolean replayed) {
        Instant at = CLICK.plusMillis(atMs);
        return new Timeline.Journaled(UUID.randomUUID(), type, topic, "some-service", "click-1", at,
                at.plusMillis(3), replayed, false);
    }

    private static Timeline.Journaled copy(Timeline.Journaled original, long journaledLaterMs, boolean replayed,
                                           boolean resent) {
        return new Timeline.Journaled(original.eventId(), original.type(), original.topic(), original.source(),
                original.correlationId(), original.occurredAt(), original.recordedAt().plusMillis(journaledLaterMs),
                replayed, resent);
    }
}
