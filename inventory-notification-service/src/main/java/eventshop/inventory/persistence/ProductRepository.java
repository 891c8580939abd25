package eventshop.inventory.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProductRepository extends GenericRepository<Product, String> {

    Optional<Product> findById(String sku);

    List<Product> listOrderBySku();

    Optional<Integer> findStockBySku(String sku);

    /**
     * Locks the rows of the given products until the transaction ends. Always in SKU order, so two transactions that
     * lock overlapping sets wait for each other instead of deadlocking.
     */
    @Query(value = "SELECT * FROM product WHERE sku IN (:skus) ORDER BY sku FOR UPDATE", nativeQuery = true)
    List<Product> lockBySkus(Collection<String> skus);

    /** @return 1 when the stock was taken; 0 when there was not enough (the row is left alone) */
    @Query(value = "UPDATE product SET stock = stock - :quantity, updated_at = now() "
            + "WHERE sku = :sku AND stock >= :quantity", nativeQuery = true)
    int take(String sku, int quantity);

    @Query(value = "UPDATE product SET stock = stock + :quantity, updated_at = now() WHERE sku = :sku",
            nativeQuery = true)
    int add(String sku, int quantity);
}
