package eventshop.events;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record Customer(@NotBlank @Size(max = 100) String name, @NotBlank @Email @Size(max = 254) String email) {
}
