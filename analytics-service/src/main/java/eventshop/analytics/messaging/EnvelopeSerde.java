package eventshop.analytics.messaging;

import eventshop.events.EventCodec;
import eventshop.events.EventEnvelope;
import eventshop.events.EventHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * The shop's event envelope as a Kafka Streams serde, through the one {@link EventCodec}. Decoding throws
 * {@link eventshop.events.EventDecodingException} for a poison record, which the deserialization exception handler
 * dead-letters. Encoding writes the same headers as the outbox relay, replacing those the input record carried
 * (Kafka Streams passes an input record's headers on to what it produces).
 */
final class EnvelopeSerde implements Serde<EventEnvelope> {

    private final EventCodec codec;

    EnvelopeSerde(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<EventEnvelope> serializer() {
        return new Serializer<>() {
            @Override
            public byte[] serialize(String topic, EventEnvelope envelope) {
                return envelope == null ? null : codec.encode(envelope);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, EventEnvelope envelope) {
                if (envelope != null && headers != null) {
                    for (String name : new String[] {EventHeaders.EVENT_TYPE, EventHeaders.EVENT_ID,
                            EventHeaders.CORRELATION_ID, EventHeaders.REPLAYED}) {
                        headers.remove(name);
                    }
                    headers.add(EventHeaders.EVENT_TYPE, utf8(envelope.type()));
                    headers.add(EventHeaders.EVENT_ID, utf8(envelope.eventId().toString()));
                    if (envelope.correlationId() != null) {
                        headers.add(EventHeaders.CORRELATION_ID, utf8(envelope.correlationId()));
                    }
                }
                return serialize(topic, envelope);
            }
        };
    }

    @Override
    public Deserializer<EventEnvelope> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
