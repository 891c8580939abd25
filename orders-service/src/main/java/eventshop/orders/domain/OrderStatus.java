package eventshop.orders.domain;

/** Where an order is in its life. PENDING until inventory answers; CANCELLED and REJECTED are final. */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED;

    /** A customer may cancel before inventory answered or after it reserved the stock (which is then released). */
    public boolean isCancellable() {
        return this == PENDING || this == CONFIRMED;
    }
}
