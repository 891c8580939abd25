package eventshop.audit.api;

import eventshop.audit.domain.Timeline;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order's events in the order they happened. {@code sinceFirstMs}/{@code sincePreviousMs} are measured between
 * the events' {@code occurredAt}; {@code recordedAt} is when the record reached Kafka. {@code deliveries} counts every
 * journaled copy of the event on that topic, {@code replays} those of them republished from the journal,
 * {@code resends} those a relay sent again (it had not seen the broker's acknowledgement).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderTimeline(UUID orderId, List<Event> events) {

    @Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(UUID eventId, String type, String topic, String source, @Nullable String correlationId,
                        Instant occurredAt, Instant recordedAt, long sinceFirstMs, long sincePreviousMs,
                        int deliveries, int replays, int resends) {

        static Event of(Timeline.Step step) {
            Timeline.Journaled e = step.event();
            return new Event(e.eventId(), e.type(), e.topic(), e.source(), e.correlationId(), e.occurredAt(),
                    e.recordedAt(), step.sinceFirstMs(), step.sincePreviousMs(), step.deliveries(), step.replays(),
                    step.resends());
        }
    }
}
