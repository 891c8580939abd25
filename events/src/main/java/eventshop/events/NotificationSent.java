package eventshop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** A notification was delivered. {@code audience} is CUSTOMER or STAFF. */
// ALWAYS: Serde omits empty values by default, and an omitted @NotNull field would then fail decoding.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record NotificationSent(@NotNull UUID notificationId, @NotBlank String audience, @NotBlank String recipient,
                               @NotBlank String channel, @NotBlank String subject, @NotNull String body)
        implements DomainEvent {
}
