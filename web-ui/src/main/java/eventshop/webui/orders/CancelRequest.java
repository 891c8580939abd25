package eventshop.webui.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record CancelRequest(@Nullable String reason) {
}
