package eventshop.events;

/**
 * The payload ({@code data}) of an {@link EventEnvelope}. Sealed so that the codec, the documentation drift test and
 * every {@code switch} over events know the complete list.
 */
public sealed interface DomainEvent permits OrderPlaced, OrderConfirmed, OrderRejected, OrderCancelled,
        StockReserved, StockRejected, StockReleased, StockReplenished, LowStockDetected, ProductSnapshot,
        NotificationSent, ProductSales, ShopSales {

    /** The wire name of the event: the record's simple name, stable across versions. */
    default String type() {
        return getClass().getSimpleName();
    }
}
