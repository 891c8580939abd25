package eventshop.orders.persistence;

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

    /** The latest snapshot of a product wins: the compacted topic delivers them in order per SKU. */
    @Query(value = """
            INSERT INTO catalog_product (sku, name, description, price, currency, stock, updated_at)
            VALUES (:sku, :name, :description, :price, :currency, :stock, :updatedAt)
            ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
                price = EXCLUDED.price, currency = EXCLUDED.currency, stock = EXCLUDED.stock,
                updated_at = EXCLUDED.updated_at""", nativeQuery = true)
    void upsert(String sku, String name, String description, BigDecimal price, String currency, int stock,
                Instant updatedAt);

    void deleteBySku(String sku);

    List<CatalogProductEntity> findBySkuIn(Collection<String> skus);

    Optional<CatalogProductEntity> findBySku(String sku);

    @Query(value = "SELECT * FROM catalog_product WHERE lower(name) = lower(:name) ORDER BY sku LIMIT 1",
            nativeQuery = true)
    Optional<CatalogProductEntity> findFirstByNameIgnoringCase(String name);

    List<CatalogProductEntity> findAllOrderByName();
}
