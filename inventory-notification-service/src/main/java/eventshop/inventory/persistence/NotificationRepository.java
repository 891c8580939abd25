package eventshop.inventory.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NotificationRepository extends GenericRepository<Notification, UUID> {

    Notification save(Notification notification);

    /** One JDBC batch. */
    List<Notification> saveAll(Iterable<Notification> notifications);

    List<Notification> findByOrderIdOrderByCreatedAtDesc(UUID orderId, Pageable pageable);

    List<Notification> findByRecipientOrderByCreatedAtDesc(String recipient, Pageable pageable);

    List<Notification> findByOrderIdAndRecipientOrderByCreatedAtDesc(UUID orderId, String recipient,
                                                                     Pageable pageable);

    List<Notification> listOrderByCreatedAtDesc(Pageable pageable);

    /** Newest first, filtered by whichever of order id and recipient is given. */
    default List<Notification> search(@Nullable UUID orderId, @Nullable String recipient, int limit) {
        Pageable page = Pageable.from(0, limit);
        if (orderId != null && recipient != null) {
            return findByOrderIdAndRecipientOrderByCreatedAtDesc(orderId, recipient, page);
        }
        if (orderId != null) {
            return findByOrderIdOrderByCreatedAtDesc(orderId, page);
        }
        if (recipient != null) {
            return findByRecipientOrderByCreatedAtDesc(recipient, page);
        }
        return listOrderByCreatedAtDesc(page);
    }
}
