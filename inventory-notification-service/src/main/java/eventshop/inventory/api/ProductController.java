package eventshop.inventory.api;

import eventshop.inventory.domain.UnknownProductException;
import eventshop.inventory.persistence.ProductRepository;
import eventshop.inventory.service.RestockService;
import eventshop.platform.http.openapi.BodyProblems;
import eventshop.platform.http.openapi.ConflictProblem;
import eventshop.platform.http.openapi.NotFoundProblem;
import eventshop.platform.http.openapi.StandardProblems;
import eventshop.platform.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/products")
@Tag(name = "products")
@StandardProblems
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProductController {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAY = "Idempotent-Replayed";

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
        return products.findById(sku).map(ProductView::of).orElseThrow(() -> new UnknownProductException(sku));
    }

    /** With an Idempotency-Key (as POST /orders takes it), a retry restocks nothing and answers like the first. */
    @Operation(summary = "Restock a product", description = "Adds the quantity to the stock and publishes "
            + "StockReplenished; 409 when the stock would exceed its limit.")
    @NotFoundProblem
    @ConflictProblem
    @BodyProblems
    @Post("/{sku}/restock")
    @Secured({Roles.STAFF, Roles.SERVICE})
    HttpResponse<ProductView> restock(String sku, @Body @Valid RestockRequest request,
                                      @Header(IDEMPOTENCY_KEY) @Nullable @Size(max = 100)
                                      @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
                                      String idempotencyKey) {
        RestockService.Restocked restocked = restocks.restock(sku, request.quantity(), idempotencyKey);
        return HttpResponse.ok(ProductView.of(restocked.product()))
                .header(IDEMPOTENT_REPLAY, String.valueOf(restocked.replayed()));
    }
}
