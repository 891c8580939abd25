package eventshop.platform.messaging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProcessedEventRepository extends GenericRepository<ProcessedEventRepository.Row, UUID> {

    /** @return 1 when the event is new for this consumer, 0 when it was processed before */
    @Query(value = "INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING",
            nativeQuery = true)
    int insertIfAbsent(String consumer, UUID eventId);

    @io.micronaut.data.annotation.MappedEntity("processed_event")
    record Row(@io.micronaut.data.annotation.Id UUID eventId, String consumer) {
    }
}
