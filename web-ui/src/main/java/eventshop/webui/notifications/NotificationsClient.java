package eventshop.webui.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The notification feed, kept by inventory-notification-service. */
@Client(id = "inventory")
public interface NotificationsClient {

    @Get("/notifications")
    List<Notification> recent(@Nullable @QueryValue UUID orderId, @QueryValue int limit);

    @Serdeable
    record Notification(UUID id, String audience, String recipient, String channel, String subject, String body,
                        @Nullable UUID orderId, Instant createdAt) {
    }
}
