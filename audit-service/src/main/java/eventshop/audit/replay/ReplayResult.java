package eventshop.audit.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    @Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(UUID eventId, String type, String topic, int originalPartition, long originalOffset) {
    }
}
