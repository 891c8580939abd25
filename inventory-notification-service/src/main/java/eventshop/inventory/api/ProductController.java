package eventshop.inventory.api;

import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.stock.RestockService;
import eventshop.inventory.stock.StockLimitExceededException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.problem.HttpStatusType;
import jakarta.validation.Valid;
import org.zalando.problem.Problem;
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
        try {
            return restocks.restock(sku, request.quantity()).map(ProductView::of).orElseThrow(() -> unknown(sku));
        } catch (StockLimitExceededException e) {
            throw Problem.builder().withStatus(new HttpStatusType(HttpStatus.CONFLICT)).withTitle("Stock limit exceeded")
                    .withDetail(e.getMessage()).build();
        }
    }

    /** A problem, not an HttpStatusException: problem-json shows a Problem's detail, but hides exception messages. */
    private static ThrowableProblem unknown(String sku) {
        return Problem.builder().withStatus(new HttpStatusType(HttpStatus.NOT_FOUND)).withTitle("Unknown product")
                .withDetail("There is no product with SKU " + sku).build();
    }
}
