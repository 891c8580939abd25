package eventshop.platform.outbox;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

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

    public Outbox(OutboxRepository repository, EventCodec codec, ApplicationEventPublisher<Appended> appended) {
        this.repository = repository;
        this.codec = codec;
        this.appended = appended;
    }

    @Transactional(propagation = MANDATORY)
    public void append(String topic, String key, EventEnvelope envelope) {
        OutboxMessage saved = repository.save(new OutboxMessage(null, topic, key, envelope.eventId(), envelope.type(),
                envelope.correlationId(), new String(codec.encode(envelope), StandardCharsets.UTF_8), Instant.now(),
                null));
        appended.publishEvent(new Appended(saved.id()));
    }
}
