package eventshop.webui.live;

import eventshop.events.DomainEvent;
import eventshop.events.EventCodec;
import eventshop.events.EventDecodingException;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import eventshop.events.LowStockDetected;
import eventshop.events.OrderCancelled;
import eventshop.events.OrderConfirmed;
import eventshop.events.OrderPlaced;
import eventshop.events.OrderRejected;
import eventshop.events.ProductSales;
import eventshop.events.ProductSnapshot;
import eventshop.events.StockReplenished;
import eventshop.events.Topics;
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
            // Sales figures are derived, not facts: they redraw the Sales page but stay out of the event ticker.
            String kind = Topics.SALES.equals(record.topic()) ? LiveEvent.FIGURES : "event";
            return new LiveEvent(kind, record.topic(), envelope.type(), true, null,
                    envelope.orderId() == null ? null : envelope.orderId().toString(), sku(data),
                    envelope.correlationId(), envelope.source(), envelope.occurredAt().toString(), status(data),
                    Summaries.of(data), Summaries.masked(data));
        } catch (EventDecodingException e) {
            String error = header(record, EventHeaders.DLT_ERROR);
            // Sales figures are derived, not facts: they redraw the Sales page but stay out of the event ticker.
            String kind = Topics.SALES.equals(record.topic()) ? LiveEvent.FIGURES : "event";
            return new LiveEvent(kind, record.topic(), header(record, EventHeaders.EVENT_TYPE), false,
                    error != null ? error : e.getMessage(), null, null, header(record, EventHeaders.CORRELATION_ID),
                    null, null, null, "invalid record on " + record.topic() + " (key " + record.key() + ")", null);
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
        } else if (data instanceof ProductSales s) {
            return s.sku();
        }
        return null;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
