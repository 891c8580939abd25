package eventshop.platform.outbox;

import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Where services put the events they emit. Writing happens inside the caller's transaction, so the event exists if and
 * only if the state change it announces was committed (transactional outbox); the {@link OutboxRelay} publishes it.
 */
@Singleton
public class Outbox {

    /** Published inside the transaction; the relay reacts after commit, so a fresh event leaves at once. */
    public record Appended(long id) {
    }

    private final OutboxRepository repository;
    private final EventCodec codec;
    private final ApplicationEventPublisher<Appended> appended;
    private final String source;

    public Outbox(OutboxRepository repository, EventCodec codec, ApplicationEventPublisher<Appended> appended,
                  @Value("${micronaut.application.name}") String source) {
        this.repository = repository;
        this.codec = codec;
        this.appended = appended;
        this.source = source;
    }

    /**
     * Wraps {@code data} in a new envelope whose source is this service (its application name) and appends it. The
     * correlation id usually comes from a consumed event, i.e. from another process: one that is not a plain short id
     * (it would not fit the outbox row and would fail the transaction at every retry) is replaced by a new one.
     */
    @Transactional(propagation = MANDATORY)
    public EventEnvelope append(String topic, String key, DomainEvent data, UUID orderId, String correlationId) {
        EventEnvelope envelope = EventEnvelope.of(data, orderId,
                CorrelationId.sanitize(correlationId).orElseGet(CorrelationId::newId), source);
        append(topic, key, envelope);
        return envelope;
    }

    @Transactional(propagation = MANDATORY)
    public void append(String topic, String key, EventEnvelope envelope) {
        OutboxMessage saved = repository.save(new OutboxMessage(null, topic, key, envelope.eventId(), envelope.type(),
                envelope.correlationId(), new String(codec.encode(envelope), StandardCharsets.UTF_8), Instant.now(),
                null));
        appended.publishEvent(new Appended(saved.id()));
    }
}
