package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Where to read the order, and where to cancel it while that is still allowed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderLinks(String self, @Nullable String cancel) {
}
