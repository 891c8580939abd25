package eventshop.orders;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Fails the way a bug or a broken dependency would, to check what a client gets to see. Test-only. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/test-failures")
@Requires(property = "test.failing-controller", value = "true")
class FailingTestController {

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("secret internals: jdbc:postgresql://db/orders password=hunter2");
    }
}
