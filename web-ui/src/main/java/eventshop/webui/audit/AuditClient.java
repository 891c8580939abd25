package eventshop.webui.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** audit-service's journal API. */
@Client(id = "audit")
public interface AuditClient {

    @Get("/audit/events")
    JournalPage events(@Nullable @QueryValue UUID orderId, @Nullable @QueryValue String type,
                       @Nullable @QueryValue String topic, @Nullable @QueryValue Boolean valid,
                       @QueryValue int page, @QueryValue int size);

    @Get("/audit/orders/{orderId}/timeline")
    Optional<Timeline> timeline(UUID orderId);

    @Get("/audit/stats")
    Map<String, Object> stats();
}
