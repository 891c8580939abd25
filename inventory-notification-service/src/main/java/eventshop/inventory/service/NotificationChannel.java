package eventshop.inventory.service;

import eventshop.inventory.persistence.Notification;

/**
 * How a notification reaches its recipient. The stored notification row is the inbox whatever the channel; an e-mail
 * channel (SMTP) can replace {@link LoggingChannel} with {@code @Replaces(LoggingChannel.class)} and a
 * {@code @Requires(property = "eventshop.notifications.smtp.host")}, without touching the callers.
 */
public interface NotificationChannel {

    /** The channel's name as stored with each notification and announced in NotificationSent. */
    String name();

    /**
     * Delivers one notification. Called inside the transaction that stores it, so it must be quick and must not fail
     * for reasons of its own; a slow or remote channel should instead deliver committed rows from its own worker.
     */
    void deliver(Notification notification);
}
