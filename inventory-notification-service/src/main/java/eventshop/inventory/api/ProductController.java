package eventshop.inventory.api;

import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.stock.RestockService;
import eventshop.platform.http.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import org.zalando.problem.ThrowableProblem;

import java.util.List;

@Controller("/products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProductController {

    private final ProductRepository products;
    private final RestockService restocks;

    ProductController(ProductRepository products, RestockService restocks) {
        this.products = products;
        this.restocks = restocks;
    }

    @Get
    List<ProductView> list() {
        return products.listOrderBySku().stream().map(ProductView::of).toList();
    }

    @Get("/{sku}")
    ProductView get(String sku) {
        return products.findById(sku).map(ProductView::of).orElseThrow(() -> unknown(sku));
    }

    @Post("/{sku}/restock")
    ProductView restock(String sku, @Body @Valid RestockRequest request) {
        return restocks.restock(sku, request.quantity()).map(ProductView::of).orElseThrow(() -> unknown(sku));
    }

    private static ThrowableProblem unknown(String sku) {
        return Problems.of(HttpStatus.NOT_FOUND, "Unknown product", "There is no product with SKU " + sku);
    }
}
