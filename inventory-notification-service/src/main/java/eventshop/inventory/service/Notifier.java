package eventshop.inventory.service;

import eventshop.events.Timestamps;
import eventshop.inventory.domain.NotificationTexts.Message;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Notification;
import eventshop.inventory.persistence.Notification.Audience;
import eventshop.inventory.persistence.NotificationRepository;
import eventshop.platform.correlation.CorrelationId;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Creates notifications as part of the decisions that cause them: stored, delivered through the channel and announced
 * with NotificationSent, all in the caller's transaction, so a rolled-back decision notifies nobody. A poll's
 * notifications are collected ({@link #forCustomer}, {@link #forStaff}) and sent together ({@link #sendAll}).
 */
@Singleton
public class Notifier {

    /** A notification to send, with the correlation id of the event that caused it. */
    public record Outgoing(Notification notification, String correlationId) {

        /** Customer notifications are keyed by order (one order's stay in order), staff ones by product. */
        String key() {
            return notification.orderId() != null ? notification.orderId().toString() : notification.sku();
        }
    }

    private final NotificationRepository notifications;
    private final NotificationChannel channel;
    private final InventoryOutbox outbox;
    private final String staffRecipient;

    public Notifier(NotificationRepository notifications, NotificationChannel channel, InventoryOutbox outbox,
                    NotificationConfiguration configuration) {
        this.notifications = notifications;
        this.channel = channel;
        this.outbox = outbox;
        this.staffRecipient = configuration.getStaffRecipient();
    }

    public Outgoing forCustomer(String email, UUID orderId, Message message, String correlationId) {
        return new Outgoing(new Notification(UUID.randomUUID(), Audience.CUSTOMER, email, channel.name(),
                message.subject(), message.body(), orderId, null, Timestamps.now()), correlationId);
    }

    public Outgoing forStaff(String sku, Message message, String correlationId) {
        return new Outgoing(new Notification(UUID.randomUUID(), Audience.STAFF, staffRecipient, channel.name(),
                message.subject(), message.body(), null, sku, Timestamps.now()), correlationId);
    }

    /** Stores the notifications in one JDBC batch, then delivers and announces each, in the given order. */
    @Transactional(propagation = MANDATORY)
    public void sendAll(List<Outgoing> outgoing) {
        if (outgoing.isEmpty()) {
            return;
        }
        notifications.saveAll(outgoing.stream().map(Outgoing::notification).toList());
        for (Outgoing out : outgoing) {
            // A channel's log line or message carries the correlation id of the event behind it.
            CorrelationId.runWith(out.correlationId(), () -> channel.deliver(out.notification()));
            outbox.notificationSent(out.notification(), out.key(), out.correlationId());
        }
    }
}
