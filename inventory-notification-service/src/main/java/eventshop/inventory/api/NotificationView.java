package eventshop.inventory.api;

import eventshop.inventory.persistence.Notification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record NotificationView(UUID id, String audience, String recipient, String channel, String subject, String body,
                               @Nullable UUID orderId, Instant createdAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.audience().name(), n.recipient(), n.channel(), n.subject(), n.body(),
                n.orderId(), n.createdAt());
    }
}
