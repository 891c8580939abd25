package eventshop.inventory.api;

import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.stock.RestockService;
import eventshop.platform.http.Problems;
import eventshop.platform.http.openapi.BodyProblems;
import eventshop.platform.http.openapi.ConflictProblem;
import eventshop.platform.http.openapi.NotFoundProblem;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.zalando.problem.ThrowableProblem;

import java.util.List;

@Controller("/products")
@Tag(name = "products")
@StandardProblems
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProductController {

    private final ProductRepository products;
    private final RestockService restocks;

    ProductController(ProductRepository products, RestockService restocks) {
        this.products = products;
        this.restocks = restocks;
    }

    @Operation(summary = "The catalog with stock levels, by SKU")
    @Get
    List<ProductView> list() {
        return products.listOrderBySku().stream().map(ProductView::of).toList();
    }

    @Operation(summary = "One product with its stock level")
    @NotFoundProblem
    @Get("/{sku}")
    ProductView get(String sku) {
        return products.findById(sku).map(ProductView::of).orElseThrow(() -> unknown(sku));
    }

    @Operation(summary = "Restock a product", description = "Adds the quantity to the stock and publishes "
            + "StockReplenished; 409 when the stock would exceed its limit.")
    @NotFoundProblem
    @ConflictProblem
    @BodyProblems
    @Post("/{sku}/restock")
    ProductView restock(String sku, @Body @Valid RestockRequest request) {
        return restocks.restock(sku, request.quantity()).map(ProductView::of).orElseThrow(() -> unknown(sku));
    }

    private static ThrowableProblem unknown(String sku) {
        return Problems.of(HttpStatus.NOT_FOUND, "Unknown product", "There is no product with SKU " + sku);
    }
}
