package eventshop.inventory.service;

import eventshop.events.Timestamps;
import eventshop.inventory.domain.NotificationTexts.Message;
import eventshop.inventory.messaging.InventoryOutbox;
import eventshop.inventory.persistence.Notification;
import eventshop.inventory.persistence.Notification.Audience;
import eventshop.inventory.persistence.NotificationRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Creates a notification as part of the decision that causes it: stored, delivered through the channel and announced
 * with NotificationSent, all in the caller's transaction, so a rolled-back decision notifies nobody.
 */
@Singleton
public class Notifier {

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

    @Transactional(propagation = MANDATORY)
    public Notification toCustomer(String email, UUID orderId, Message message, String correlationId) {
        Notification saved = send(new Notification(UUID.randomUUID(), Audience.CUSTOMER, email, channel.name(),
                message.subject(), message.body(), orderId, null, Timestamps.now()));
        outbox.notificationSent(saved, orderId.toString(), correlationId);
        return saved;
    }

    @Transactional(propagation = MANDATORY)
    public Notification toStaff(String sku, Message message, String correlationId) {
        Notification saved = send(new Notification(UUID.randomUUID(), Audience.STAFF, staffRecipient, channel.name(),
                message.subject(), message.body(), null, sku, Timestamps.now()));
        outbox.notificationSent(saved, sku, correlationId);
        return saved;
    }

    private Notification send(Notification notification) {
        Notification saved = notifications.save(notification);
        channel.deliver(saved);
        return saved;
    }
}
