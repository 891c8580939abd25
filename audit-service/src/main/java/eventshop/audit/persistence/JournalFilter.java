package eventshop.audit.persistence;

import eventshop.events.Topics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A selection of journaled records; every criterion is optional and they combine with AND. The time range is on the
 * record's Kafka timestamp ({@code from} inclusive, {@code to} exclusive), which every record has, valid or not.
 */
public record JournalFilter(@Nullable UUID orderId, @Nullable String type, @Nullable String topic,
                            @Nullable Boolean valid, @Nullable Instant from, @Nullable Instant to,
                            @Nullable String correlationId) {

    public static final JournalFilter ALL = new JournalFilter(null, null, null, null, null, null, null);

    /** This selection and {@code more}. */
    public PredicateSpecification<JournalRecord> and(PredicateSpecification<JournalRecord> more) {
        PredicateSpecification<JournalRecord> own = toSpecification();
        return own == null ? more : own.and(more);
    }

    /** The selection, or {@code null} when it selects everything (an empty conjunction is not valid SQL). */
    @Nullable
    public PredicateSpecification<JournalRecord> toSpecification() {
        List<PredicateSpecification<JournalRecord>> parts = new ArrayList<>();
        if (orderId != null) {
            parts.add((root, cb) -> cb.equal(root.get("orderId"), orderId));
        }
        if (type != null) {
            parts.add((root, cb) -> cb.equal(root.get("eventType"), type));
        }
        if (topic != null) {
            parts.add((root, cb) -> cb.equal(root.get("topic"), topic));
        }
        if (valid != null) {
            parts.add((root, cb) -> cb.equal(root.get("valid"), valid));
        }
        if (from != null) {
            parts.add((root, cb) -> cb.greaterThanOrEqualTo(root.get("recordTimestamp"), from));
        }
        if (to != null) {
            parts.add((root, cb) -> cb.lessThan(root.get("recordTimestamp"), to));
        }
        if (correlationId != null) {
            parts.add((root, cb) -> cb.equal(root.get("correlationId"), correlationId));
        }
        return parts.stream().reduce(PredicateSpecification::and).orElse(null);
    }

    /** Journal rows with an id in (afterId, upToId]: a keyset page that new appends cannot shift. */
    public static PredicateSpecification<JournalRecord> idRange(long afterId, long upToId) {
        return (root, cb) -> cb.and(cb.greaterThan(root.get("id"), afterId), cb.lessThanOrEqualTo(root.get("id"), upToId));
    }

    /** Original, valid events of a shop topic, each once (no resent copy): what a replay may republish. */
    public static PredicateSpecification<JournalRecord> replayable() {
        return (root, cb) -> cb.and(cb.isTrue(root.get("valid")), cb.isFalse(root.get("replayed")),
                cb.isFalse(root.get("resent")),
                cb.notEqual(root.get("topic"), Topics.DEADLETTER));
    }

    /** Records a replay selection matched but must never republish: invalid ones and dead letters (not replays). */
    public static PredicateSpecification<JournalRecord> notReplayable() {
        return (root, cb) -> cb.and(cb.isFalse(root.get("replayed")),
                cb.or(cb.isFalse(root.get("valid")), cb.equal(root.get("topic"), Topics.DEADLETTER)));
    }
}
