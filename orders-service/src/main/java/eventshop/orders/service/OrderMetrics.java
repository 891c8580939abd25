package eventshop.orders.service;

import eventshop.orders.domain.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code eventshop.orders.placed|confirmed|rejected|cancelled}: counted after commit, so a rolled-back request or a
 * retried event is never counted.
 */
@Singleton
public class OrderMetrics {

    private final Map<OrderStatus, Counter> counters = new EnumMap<>(OrderStatus.class);

    public OrderMetrics(MeterRegistry registry) {
        counters.put(OrderStatus.PENDING, counter(registry, "placed", "Orders accepted and stored"));
        counters.put(OrderStatus.CONFIRMED, counter(registry, "confirmed", "Orders whose stock was reserved"));
        counters.put(OrderStatus.REJECTED, counter(registry, "rejected", "Orders inventory could not serve"));
        counters.put(OrderStatus.CANCELLED, counter(registry, "cancelled", "Orders cancelled by the customer"));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onChange(OrderStatusChanged change) {
        counters.get(change.status()).increment();
    }

    public double count(OrderStatus status) {
        return counters.get(status).count();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("eventshop.orders." + outcome).description(description).register(registry);
    }
}
