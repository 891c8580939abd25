package eventshop.webui.live;

import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventDecodingException;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.LowStockDetected;
import eventshop.events.NotificationSent;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.ProductSnapshot;
import eventshop.events.StockRejected;
import eventshop.events.StockReleased;
import eventshop.events.StockReplenished;
import eventshop.events.StockReserved;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Turns a Kafka record into what the browser shows: a sentence, and the ids that say which parts of a page changed. */
@Singleton
public class LiveEvents {

    private final EventCodec codec;

    public LiveEvents(EventCodec codec) {
        this.codec = codec;
    }

    public LiveEvent from(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope envelope = codec.decode(record.value());
            DomainEvent data = envelope.data();
            return new LiveEvent("event", record.topic(), envelope.type(), true, null,
                    envelope.orderId() == null ? null : envelope.orderId().toString(), sku(data),
                    envelope.correlationId(), envelope.source(), envelope.occurredAt().toString(), status(data),
                    summary(data));
        } catch (EventDecodingException e) {
            String error = header(record, EventHeaders.DLT_ERROR);
            return new LiveEvent("event", record.topic(), header(record, EventHeaders.EVENT_TYPE), false,
                    error != null ? error : e.getMessage(), null, null, header(record, EventHeaders.CORRELATION_ID),
                    null, null, null, "invalid record on " + record.topic() + " (key " + record.key() + ")");
        }
    }

    private static String status(DomainEvent data) {
        if (data instanceof OrderPlaced) {
            return "PENDING";
        } else if (data instanceof OrderConfirmed) {
            return "CONFIRMED";
        } else if (data instanceof OrderRejected) {
            return "REJECTED";
        } else if (data instanceof OrderCancelled) {
            return "CANCELLED";
        }
        return null;
    }

    private static String sku(DomainEvent data) {
        if (data instanceof ProductSnapshot p) {
            return p.sku();
        } else if (data instanceof StockReplenished r) {
            return r.sku();
        } else if (data instanceof LowStockDetected l) {
            return l.sku();
        }
        return null;
    }

    private static String summary(DomainEvent data) {
        if (data instanceof OrderPlaced p) {
            return p.customer().name() + " ordered " + p.lines().size() + " line(s), " + p.total() + " "
                    + p.currency();
        } else if (data instanceof OrderRejected r) {
            return "order rejected: " + r.reason();
        } else if (data instanceof StockRejected r) {
            return "stock refused: " + r.reason();
        } else if (data instanceof StockReserved) {
            return "stock reserved";
        } else if (data instanceof StockReleased) {
            return "stock released";
        } else if (data instanceof StockReplenished r) {
            return r.sku() + " restocked by " + r.quantity() + ", now " + r.stock();
        } else if (data instanceof LowStockDetected l) {
            return "low stock: " + l.productName() + " has " + l.stock() + " left";
        } else if (data instanceof ProductSnapshot p) {
            return p.name() + ": " + p.stock() + " in stock";
        } else if (data instanceof NotificationSent n) {
            return "notified " + n.recipient() + ": " + n.subject();
        }
        return data.type();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
