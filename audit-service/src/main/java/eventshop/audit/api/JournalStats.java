package eventshop.audit.api;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * Counts over the whole journal. {@code lastMinute} counts records whose Kafka timestamp is within the last minute;
 * {@code firstEventAt}/{@code lastEventAt} are the oldest and newest record timestamps (null when empty).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JournalStats(long total, long invalid, long replayed, long lastMinute, @Nullable Instant firstEventAt,
                           @Nullable Instant lastEventAt, Map<String, Long> byType, Map<String, Long> byTopic) {
}
