package eventshop.inventory.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A message sent to a customer (about an order) or to staff (about a product). The table is the inbox. */
@MappedEntity("notification")
public record Notification(@Id UUID id, Audience audience, String recipient, String channel, String subject,
                           String body, @Nullable UUID orderId, @Nullable String sku, Instant createdAt) {

    public enum Audience { CUSTOMER, STAFF }

    /** Whether the database can store it: the column sizes of V1__inventory.sql. */
    public boolean fitsItsColumns() {
        return recipient.length() <= 254 && subject.length() <= 200 && body.length() <= 4000;
    }
}
