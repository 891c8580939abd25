package eventshop.analytics.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where the stream's exception handlers park a record they cannot process: {@code shop.deadletter} in the service. */
public interface DeadLetters {

    /** Parks the record, or throws if it could not be parked (then the record is not skipped either). */
    void park(ConsumerRecord<String, byte[]> record, Exception error);
}
