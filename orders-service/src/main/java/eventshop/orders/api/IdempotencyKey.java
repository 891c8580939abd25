package eventshop.orders.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The rule for an idempotency key, whether it comes as the {@code Idempotency-Key} header (REST) or the
 * {@code idempotency-key} metadata (gRPC): short printable ASCII, so it cannot break a log line or a header.
 */
@Introspected
public record IdempotencyKey(@Nullable @Size(max = MAX_LENGTH) @Pattern(regexp = PATTERN, message = RULE) String value) {

    public static final int MAX_LENGTH = 100;
    public static final String PATTERN = "[\\x21-\\x7E]+";
    public static final String RULE = "must be printable ASCII";
}
