package eventshop.inventory.api;

import eventshop.inventory.persistence.Reservation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record ReservationView(UUID orderId, String sku, int quantity, String status, Instant createdAt,
                              @Nullable Instant releasedAt) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.orderId(), r.sku(), r.quantity(), r.status().name(), r.createdAt(),
                r.releasedAt());
    }
}
