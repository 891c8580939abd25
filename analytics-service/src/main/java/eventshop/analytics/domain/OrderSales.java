package eventshop.analytics.domain;

import eventshop.events.DomainEvent;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * How one order's events turn into sales, given what is known of the order so far. {@code OrderConfirmed} and
 * {@code OrderCancelled} carry no lines (the customer and the total only), so the lines come from the order's
 * {@code OrderPlaced}, remembered until the order can no longer change what it sold.
 * <p>
 * Only a confirmed order sells; cancelling it takes the sale back; cancelling an order that was never confirmed, or a
 * rejection, sells nothing. An event that does not fit the order's state (a confirmation of an order never seen, a
 * second confirmation) changes nothing: the order's own service has already refused such a transition, and counting
 * it here would invent sales.
 */
public final class OrderSales {

    private OrderSales() {
    }

    /**
     * @param order   what is known of the order, or {@code null}
     * @param fact    what the event means for the figures, or {@code null} when it means nothing
     * @param forget  {@code true} when the order can sell nothing more (rejected or cancelled): it need not be kept
     */
    public record Step(@Nullable PlacedOrder order, @Nullable SalesFact fact, boolean forget) {

        static Step unchanged(@Nullable PlacedOrder order) {
            return new Step(order, null, false);
        }
    }

    public static Step apply(@Nullable PlacedOrder order, DomainEvent event) {
        if (event instanceof OrderPlaced placed) {
            if (order != null) {
                return Step.unchanged(order);
            }
            List<SoldLine> lines = placed.lines().stream().map(line -> SoldLine.of(line, placed.currency())).toList();
            return new Step(new PlacedOrder(lines, placed.currency(), PlacedOrder.Stage.PLACED),
                    new SalesFact(SalesFact.Step.PLACED, List.of(), placed.currency()), false);
        }
        if (order == null) {
            return Step.unchanged(null);
        }
        boolean pending = order.stage() == PlacedOrder.Stage.PLACED;
        if (event instanceof OrderConfirmed && pending) {
            return new Step(order.confirmed(), new SalesFact(SalesFact.Step.CONFIRMED, order.lines(), order.currency()),
                    false);
        }
        if (event instanceof OrderRejected && pending) {
            return new Step(null, new SalesFact(SalesFact.Step.REJECTED, List.of(), order.currency()), true);
        }
        if (event instanceof OrderCancelled) {
            List<SoldLine> takenBack = pending ? List.of() : order.lines().stream().map(SoldLine::negated).toList();
            return new Step(null, new SalesFact(SalesFact.Step.CANCELLED, takenBack, order.currency()), true);
        }
        return Step.unchanged(order);
    }
}
