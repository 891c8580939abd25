package eventshop.platform.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox table for the relay to publish it. */
@MappedEntity("outbox")
public record OutboxMessage(@Id @GeneratedValue @Nullable Long id, String topic,
                            @Nullable @MappedProperty("message_key") String messageKey, UUID eventId, String eventType,
                            @Nullable String correlationId, String payload, Instant createdAt,
                            @Nullable Instant publishedAt) {
}
