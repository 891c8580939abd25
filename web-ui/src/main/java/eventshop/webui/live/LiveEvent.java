package eventshop.webui.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What open pages receive over Server-Sent Events: one record seen on a shop topic (valid or not), or a change of a
 * backend's health. Flat and small on purpose: the browser only needs to know what to refresh and what to print.
 *
 * @param kind    {@code event}, {@code figures} (a record on shop.sales), {@code health}, or {@code status} (an order's
 *                status from orders-service's WatchOrder, for the page that shows that order)
 * @param status  for order events, the order status the event leads to
 * @param summary one human sentence for the ticker, as staff see it (customers whole)
 * @param maskedSummary the same sentence for anyone else (customers masked); never sent: see {@link #forPublic()}
 */
@Serdeable
public record LiveEvent(String kind, @Nullable String topic, @Nullable String type, boolean valid,
                        @Nullable String error, @Nullable String orderId, @Nullable String sku,
                        @Nullable String correlationId, @Nullable String source, @Nullable String occurredAt,
                        @Nullable String status, String summary, @Nullable String maskedSummary) {

    public static final String FIGURES = "figures";

    public static LiveEvent health(String service, String state) {
        return new LiveEvent("health", null, null, true, null, null, null, null, service, null, state,
                service + " is " + state, null);
    }

    /** What a signed-in staff member's page gets. */
    public LiveEvent forStaff() {
        return new LiveEvent(kind, topic, type, valid, error, orderId, sku, correlationId, source, occurredAt, status,
                summary, null);
    }

    /** What everyone else's page gets: the masked sentence only. */
    public LiveEvent forPublic() {
        return new LiveEvent(kind, topic, type, valid, error, orderId, sku, correlationId, source, occurredAt, status,
                maskedSummary != null ? maskedSummary : summary, null);
    }

    public static LiveEvent orderStatus(String orderId, String status, @Nullable String reason) {
        return new LiveEvent("status", null, null, true, null, orderId, null, null, "orders-service", null, status,
                "Order " + orderId + " is " + status + (reason == null || reason.isEmpty() ? "" : ": " + reason), null);
    }

    public String cssClass() {
        return valid ? "tick-" + (topic == null ? "other" : topic.replace("shop.", "")) : "tick-invalid";
    }
}
