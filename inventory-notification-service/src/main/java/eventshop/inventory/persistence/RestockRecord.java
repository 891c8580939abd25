package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A restock done under an Idempotency-Key: what it asked for, to tell a retry from a misuse of the key. */
@MappedEntity("restock_request")
public record RestockRecord(@Id String idempotencyKey, String sku, int quantity) {
}
