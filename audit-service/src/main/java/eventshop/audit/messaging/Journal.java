package eventshop.audit.messaging;

import eventshop.audit.persistence.JournalRecord;
import eventshop.audit.persistence.JournalWriter;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends a poll's records to the journal, each identified by its topic's id, partition and offset. A record that is
 * already there under a remembered topic id is checked once more against the broker before it counts as a
 * redelivery: if the topic has a new id now (deleted and created again while this service ran), the record belongs
 * to the new topic and is journaled under that id.
 */
@Singleton
public class Journal {

    private final JournalEntries entries;
    private final JournalWriter writer;
    private final TopicIdentities topicIds;

    public Journal(JournalEntries entries, JournalWriter writer, TopicIdentities topicIds) {
        this.entries = entries;
        this.writer = writer;
        this.topicIds = topicIds;
    }

    /** What a poll added: its records as journal rows, and for each whether it was new. */
    public record Appended(List<JournalRecord> records, boolean[] inserted) {
    }

    public Appended append(List<ConsumerRecord<byte[], byte[]>> batch, Instant receivedAt) {
        Map<String, UUID> ids = topicIds.of(topics(batch));
        List<JournalRecord> records = new ArrayList<>(batch.size());
        batch.forEach(record -> records.add(entries.from(record, ids.get(record.topic()), receivedAt)));
        boolean[] inserted = writer.append(records);

        List<Integer> conflicts = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            if (!inserted[i]) {
                conflicts.add(i);
            }
        }
        if (conflicts.isEmpty()) {
            return new Appended(records, inserted);
        }
        Map<String, UUID> current = topicIds.refresh(conflicts.stream().map(i -> batch.get(i).topic())
                .collect(Collectors.toSet()));
        List<Integer> renewed = conflicts.stream()
                .filter(i -> !current.get(batch.get(i).topic()).equals(ids.get(batch.get(i).topic()))).toList();
        if (!renewed.isEmpty()) {
            List<JournalRecord> again = renewed.stream()
                    .map(i -> entries.from(batch.get(i), current.get(batch.get(i).topic()), receivedAt)).toList();
            boolean[] insertedAgain = writer.append(again);
            for (int k = 0; k < renewed.size(); k++) {
                records.set(renewed.get(k), again.get(k));
                inserted[renewed.get(k)] = insertedAgain[k];
            }
        }
        return new Appended(records, inserted);
    }

    private static Set<String> topics(List<ConsumerRecord<byte[], byte[]>> batch) {
        return batch.stream().map(ConsumerRecord::topic).collect(Collectors.toSet());
    }
}
