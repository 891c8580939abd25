package eventshop.analytics.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** GET /sales/timeline: one entry per minute, oldest first, the current minute last; for one product if {@code sku}. */
@Serdeable
public record TimelineView(@Nullable String sku, String currency, List<MinuteView> minutes) {
}
