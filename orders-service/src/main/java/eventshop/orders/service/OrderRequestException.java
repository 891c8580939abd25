package eventshop.orders.service;

/** A request this service refuses for a reason the client can act on; the API turns it into a problem body. */
public class OrderRequestException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED }

    private final Kind kind;
    private final String title;

    public OrderRequestException(Kind kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    public static OrderRequestException notFound(Object orderId) {
        return new OrderRequestException(Kind.NOT_FOUND, "Order not found", "No order with id " + orderId);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
