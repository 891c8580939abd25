package eventshop.audit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventshop.audit.service.ReplayService;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * What a replay did. {@code replayed} events were republished to their topics with header {@code replayed: true};
 * {@code skipped} records matched but are never replayed (invalid records, dead letters); earlier replays are not
 * selected at all (their originals are).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReplayResult(int replayed, long skipped, String note, List<Event> events) {

    static ReplayResult of(ReplayService.Replayed replayed) {
        return new ReplayResult(replayed.events().size(), replayed.skipped(), "Republished with header replayed=true; "
                + "consumers skip events they already applied (same event ids)", replayed.events().stream()
                .map(r -> new Event(r.eventId(), r.eventType(), r.topic(), r.kafkaPartition(), r.kafkaOffset()))
                .toList());
    }

    @Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(UUID eventId, String type, String topic, int originalPartition, long originalOffset) {
    }
}
