package eventshop.orders.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import eventshop.orders.service.CatalogReplica;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "catalog")
@StandardProblems
public class CatalogController {

    private final CatalogReplica replica;

    public CatalogController(CatalogReplica replica) {
        this.replica = replica;
    }

    @Operation(summary = "The products that can be ordered, from this service's replica of the catalog")
    @Get
    public List<CatalogItemView> products() {
        return replica.all().stream().map(p -> new CatalogItemView(p.sku(), p.name(), p.description(), p.price(),
                p.currency(), p.stock())).toList();
    }
}
