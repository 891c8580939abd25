package eventshop.webui.live;

import eventshop.events.DomainEvent;
import eventshop.events.LowStockDetected;
import eventshop.events.NotificationSent;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.ProductSales;
import eventshop.events.ProductSnapshot;
import eventshop.events.ShopSales;
import eventshop.events.StockLine;
import eventshop.events.StockRejected;
import eventshop.events.StockReleased;
import eventshop.events.StockReplenished;
import eventshop.events.StockReserved;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One sentence per event for the ticker, saying what happened to whom — never the event's type again, which the
 * ticker already shows above it.
 */
final class Summaries {

    private Summaries() {
    }

    /** The sentence as staff see it: customers by name and e-mail. */
    static String of(DomainEvent data) {
        return of(data, name -> name, email -> email);
    }

    /** The sentence as anyone may see it: customers masked ({@link Masking}). */
    static String masked(DomainEvent data) {
        return of(data, Masking::name, Masking::email);
    }

    private static String of(DomainEvent data, UnaryOperator<String> names, UnaryOperator<String> emails) {
        if (data instanceof OrderPlaced p) {
            return names.apply(p.customer().name()) + " ordered " + p.lines().stream()
                    .map(l -> l.quantity() + " × " + l.productName()).collect(Collectors.joining(", "))
                    + " · " + money(p.total(), p.currency());
        } else if (data instanceof OrderConfirmed c) {
            return names.apply(c.customer().name()) + "'s order is confirmed · " + money(c.total(), c.currency());
        } else if (data instanceof OrderRejected r) {
            return names.apply(r.customer().name()) + "'s order was rejected: " + r.reason();
        } else if (data instanceof OrderCancelled c) {
            return names.apply(c.customer().name()) + "'s order was cancelled: " + c.reason();
        } else if (data instanceof StockReserved r) {
            return "reserved " + lines(r.lines());
        } else if (data instanceof StockRejected r) {
            return "could not reserve: " + r.reason();
        } else if (data instanceof StockReleased r) {
            return "put back on the shelf: " + lines(r.lines());
        } else if (data instanceof StockReplenished r) {
            return r.sku() + " restocked with " + r.quantity() + ", now " + r.stock() + " in stock";
        } else if (data instanceof LowStockDetected l) {
            return l.productName() + " is running low: " + l.stock() + " left (low-water mark " + l.lowWaterMark()
                    + ")";
        } else if (data instanceof ProductSnapshot p) {
            return p.name() + ": " + p.stock() + " in stock at " + money(p.price(), p.currency());
        } else if (data instanceof NotificationSent n) {
            return "told " + emails.apply(n.recipient()) + ": " + n.subject();
        } else if (data instanceof ProductSales s) {
            return s.name() + " has sold " + s.units() + " for " + money(s.revenue(), s.currency());
        } else if (data instanceof ShopSales s) {
            return "the shop has sold " + s.units() + " units for " + money(s.revenue(), s.currency());
        }
        return "";
    }

    private static String lines(List<StockLine> lines) {
        return lines.stream().map(l -> l.quantity() + " × " + l.sku()).collect(Collectors.joining(", "));
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }
}
