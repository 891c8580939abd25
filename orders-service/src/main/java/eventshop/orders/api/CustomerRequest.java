package eventshop.orders.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Stored exactly as given (no trimming or escaping: escaping is the UI's job), within these limits. */
@Serdeable
public record CustomerRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email) {
}
