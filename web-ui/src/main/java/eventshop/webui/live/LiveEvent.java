package eventshop.webui.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What open pages receive over Server-Sent Events: one record seen on a shop topic (valid or not), or a change of a
 * backend's health. Flat and small on purpose: the browser only needs to know what to refresh and what to print.
 *
 * @param kind    {@code event}, {@code figures} (a record on shop.sales) or {@code health}
 * @param status  for order events, the order status the event leads to
 * @param summary one human sentence for the ticker
 */
@Serdeable
public record LiveEvent(String kind, @Nullable String topic, @Nullable String type, boolean valid,
                        @Nullable String error, @Nullable String orderId, @Nullable String sku,
                        @Nullable String correlationId, @Nullable String source, @Nullable String occurredAt,
                        @Nullable String status, String summary) {

    public static final String FIGURES = "figures";

    public static LiveEvent health(String service, String state) {
        return new LiveEvent("health", null, null, true, null, null, null, null, service, null, state,
                service + " is " + state);
    }

    public String cssClass() {
        return valid ? "tick-" + (topic == null ? "other" : topic.replace("shop.", "")) : "tick-invalid";
    }
}
