package eventshop.orders.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogRepository extends GenericRepository<CatalogProductEntity, String> {

    /**
     * Applies a snapshot unless the replica already holds a newer one: a snapshot replaces a row only when its version
     * is higher, or when the row has no version (it came from a snapshot written before versions existed). A snapshot
     * without a version therefore never replaces a versioned row - replaying old records cannot roll a product back.
     *
     * @return 1 when the snapshot was applied, 0 when it was older than the row and ignored
     */
    @Query(value = """
            INSERT INTO catalog_product (sku, name, description, price, currency, stock, updated_at, version)
            VALUES (:sku, :name, :description, :price, :currency, :stock, :updatedAt, :version)
            ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                price = EXCLUDED.price, currency = EXCLUDED.currency, stock = EXCLUDED.stock,
                updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
            WHERE catalog_product.version IS NULL OR EXCLUDED.version > catalog_product.version""",
            nativeQuery = true)
    int upsert(String sku, String name, String description, BigDecimal price, String currency, int stock,
               Instant updatedAt, @Nullable Long version);

    void deleteBySku(String sku);

    List<CatalogProductEntity> findBySkuIn(Collection<String> skus);

    @Query(value = "SELECT * FROM catalog_product WHERE lower(name) = lower(:name) ORDER BY sku LIMIT 1",
            nativeQuery = true)
    Optional<CatalogProductEntity> findFirstByNameIgnoringCase(String name);

    List<CatalogProductEntity> findAllOrderByName();
}
