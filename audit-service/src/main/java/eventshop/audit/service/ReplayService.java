package eventshop.audit.service;

import eventshop.audit.domain.NothingToReplayException;
import eventshop.audit.domain.ReplayTooLargeException;
import eventshop.audit.messaging.ReplayPublisher;
import eventshop.audit.persistence.JournalFilter;
import eventshop.audit.persistence.JournalRecord;
import eventshop.audit.persistence.JournalRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Selects journaled events and republishes them in their original order. Only original, valid events of shop topics
 * are replayed: invalid records would only be dead-lettered again, dead letters are copies of events whose originals
 * are selectable, and earlier replays are copies too. An event journaled twice (an at-least-once redelivery) is
 * replayed once.
 */
@Singleton
public class ReplayService {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayService.class);
    private static final Sort ORIGINAL_ORDER = Sort.of(Sort.Order.asc("recordTimestamp"), Sort.Order.asc("id"));

    private final JournalRepository journal;
    private final ReplayPublisher publisher;
    private final JournalMetrics metrics;
    private final int maxEvents;

    public ReplayService(JournalRepository journal, ReplayPublisher publisher, JournalMetrics metrics,
                         ReplayConfiguration configuration) {
        this.journal = journal;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxEvents = configuration.getMaxEvents();
    }

    /** What a replay republished, once per event, and how many matching records it may never replay. */
    public record Replayed(List<JournalRecord> events, long skipped) {
    }

    /** @param described the selection as the client gave it, for the refusal and the log */
    public Replayed replay(JournalFilter selection, String described) {
        List<JournalRecord> matched = journal.findAll(selection.and(JournalFilter.replayable()),
                Pageable.from(0, maxEvents + 1, ORIGINAL_ORDER).withoutTotal()).getContent();
        long skipped = journal.count(selection.and(JournalFilter.notReplayable()));
        if (matched.isEmpty()) {
            throw new NothingToReplayException(described, skipped);
        }
        if (matched.size() > maxEvents) {
            throw new ReplayTooLargeException(described, maxEvents);
        }
        List<JournalRecord> toReplay = oncePerEvent(matched);
        publisher.publish(toReplay);
        toReplay.stream().collect(Collectors.groupingBy(JournalRecord::topic, Collectors.counting()))
                .forEach((topic, count) -> metrics.replayed(topic, count.intValue()));
        LOG.info("Replayed {} events ({}), skipped {} invalid or dead-lettered records", toReplay.size(), described,
                skipped);
        return new Replayed(toReplay, skipped);
    }

    private static List<JournalRecord> oncePerEvent(List<JournalRecord> records) {
        Set<String> seen = new HashSet<>();
        List<JournalRecord> unique = new ArrayList<>();
        for (JournalRecord record : records) {
            if (seen.add(record.eventId() + "@" + record.topic())) {
                unique.add(record);
            }
        }
        return unique;
    }
}
