package eventshop.orders.domain;

/** One bad field of a request, named as the client wrote it (e.g. {@code lines[1].sku}). */
public record FieldError(String field, String message) {
}
