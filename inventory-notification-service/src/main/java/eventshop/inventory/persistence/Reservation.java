package eventshop.inventory.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("reservation")
public record Reservation(@Id @GeneratedValue @Nullable Long id, UUID orderId, String sku, int quantity, Status status,
                          Instant createdAt, @Nullable Instant releasedAt) {

    public enum Status { RESERVED, RELEASED }

    public static Reservation of(UUID orderId, String sku, int quantity, Instant at) {
        return new Reservation(null, orderId, sku, quantity, Status.RESERVED, at, null);
    }

    public Reservation released(Instant at) {
        return new Reservation(id, orderId, sku, quantity, Status.RELEASED, createdAt, at);
    }
}
