package eventshop.orders.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of orders, newest first. {@code page} counts from 0; {@code total} is the number of matching orders. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderPage(List<OrderSummary> items, int page, int size, long total) {
}
