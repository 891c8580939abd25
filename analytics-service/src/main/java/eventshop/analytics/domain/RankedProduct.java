package eventshop.analytics.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One product's running figures on their way into the shop-wide {@link ProductRanking}. */
// ALWAYS: Serde leaves out empty lists and nulls by default, and these records need them back as they were.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record RankedProduct(String sku, ProductFigures figures) {
}
