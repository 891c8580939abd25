package eventshop.inventory.service;

import eventshop.inventory.persistence.Notification;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The proof-of-concept channel: one log line per notification (with the event's correlation id in the MDC). */
@Singleton
public class LoggingChannel implements NotificationChannel {

    private static final Logger LOG = LoggerFactory.getLogger("eventshop.notifications");

    @Override
    public String name() {
        return "LOG";
    }

    @Override
    public void deliver(Notification n) {
        LOG.info("Notification to {} {} [{}] {}: {}", n.audience(), n.recipient(), n.orderId() != null ? n.orderId()
                : n.sku(), n.subject(), n.body());
    }
}
