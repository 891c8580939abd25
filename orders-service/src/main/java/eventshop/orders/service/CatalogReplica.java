package eventshop.orders.service;

import eventshop.events.EventEnvelope;
import eventshop.events.ProductSnapshot;
import eventshop.orders.domain.CatalogEntry;
import eventshop.orders.persistence.CatalogProductEntity;
import eventshop.orders.persistence.CatalogRepository;
import eventshop.platform.messaging.UnprocessableEventException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This service's own copy of the catalog, fed by ProductSnapshot events: placing an order needs no call to the
 * inventory service. Snapshots that would not fit the table are refused as unprocessable (dead-lettered), never
 * retried forever. Snapshots carry the product's version, and an older one than the replica holds is ignored: a replay
 * of old catalog records cannot roll a price back.
 */
@Singleton
public class CatalogReplica {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogReplica.class);

    private final CatalogRepository products;

    public CatalogReplica(CatalogRepository products) {
        this.products = products;
    }

    @Transactional
    public void apply(EventEnvelope envelope) {
        if (!(envelope.data() instanceof ProductSnapshot snapshot)) {
            throw new UnprocessableEventException(envelope.type() + " does not belong on the catalog topic");
        }
        requireFits("sku", snapshot.sku(), 40);
        requireFits("name", snapshot.name(), 100);
        requireFits("description", snapshot.description(), 1000);
        if (!snapshot.currency().matches("[A-Z]{3}")) {
            throw new UnprocessableEventException("ProductSnapshot " + snapshot.sku() + " has currency '"
                    + snapshot.currency() + "', not an ISO 4217 code");
        }
        if (snapshot.price().scale() > 2 || snapshot.price().precision() - snapshot.price().scale() > 8) {
            throw new UnprocessableEventException("ProductSnapshot " + snapshot.sku() + " has an unusable price "
                    + snapshot.price());
        }
        int applied = products.upsert(snapshot.sku(), snapshot.name(), snapshot.description(), snapshot.price(),
                snapshot.currency(), snapshot.stock(), envelope.occurredAt(), snapshot.version());
        if (applied == 0) {
            LOG.info("Ignored an older snapshot of {} (version {}): the replica holds a newer one", snapshot.sku(),
                    snapshot.version());
        }
    }

    /** A tombstone on the compacted topic: the product no longer exists. */
    @Transactional
    public void remove(String sku) {
        products.deleteBySku(sku);
    }

    public Map<String, CatalogEntry> entries(Collection<String> skus) {
        return products.findBySkuIn(skus).stream().map(CatalogReplica::entry)
                .collect(Collectors.toMap(CatalogEntry::sku, Function.identity()));
    }

    public Optional<CatalogEntry> byName(String name) {
        return products.findFirstByNameIgnoringCase(name.strip()).map(CatalogReplica::entry);
    }

    public List<CatalogProductEntity> all() {
        return products.findAllOrderByName();
    }

    private static CatalogEntry entry(CatalogProductEntity p) {
        return new CatalogEntry(p.sku(), p.name(), p.price(), p.currency());
    }

    private static void requireFits(String field, String value, int max) {
        if (value.length() > max) {
            throw new UnprocessableEventException("ProductSnapshot " + field + " is longer than " + max);
        }
    }
}
