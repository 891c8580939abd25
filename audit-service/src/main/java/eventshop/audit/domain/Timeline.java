package eventshop.audit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The story of one order as the journal saw it: each event once, in the order the events happened, with the time
 * since the first event (the click that started it) and since the previous one.
 * <p>
 * The same event can be journaled more than once: sent again by an at-least-once producer (marked resent), or
 * republished by a replay. Those copies are collapsed into the step of the original and counted, so the timeline shows what happened,
 * not how often it was transmitted. A dead-lettered copy stays a step of its own (its topic differs): a consumer
 * refusing an event is part of the story.
 */
public final class Timeline {

    /** One journaled record of the order, reduced to what a timeline needs. */
    public record Journaled(UUID eventId, String type, String topic, String source, String correlationId,
                            Instant occurredAt, Instant recordedAt, boolean replayed, boolean resent) {
    }

    /**
     * One event on the timeline. {@code deliveries} counts every journaled copy: replays, and copies a relay sent
     * again ({@code resends}) included.
     */
    public record Step(Journaled event, long sinceFirstMs, long sincePreviousMs, int deliveries, int replays,
                       int resends) {
    }

    private static final Comparator<Journaled> CAUSAL_ORDER = Comparator.comparing(Journaled::occurredAt)
            .thenComparing(Journaled::recordedAt)
            .thenComparing(Journaled::replayed);

    private Timeline() {
    }

    public static List<Step> of(List<Journaled> records) {
        Map<String, List<Journaled>> copiesByEvent = new LinkedHashMap<>();
        records.stream().sorted(CAUSAL_ORDER)
                .forEach(r -> copiesByEvent.computeIfAbsent(r.eventId() + "@" + r.topic(), k -> new ArrayList<>())
                        .add(r));
        List<Step> steps = new ArrayList<>(copiesByEvent.size());
        Instant first = null;
        Instant previous = null;
        for (List<Journaled> copies : copiesByEvent.values()) {
            Journaled original = copies.stream().filter(c -> !c.replayed() && !c.resent()).findFirst()
                    .or(() -> copies.stream().filter(c -> !c.replayed()).findFirst()).orElse(copies.get(0));
            Instant at = original.occurredAt();
            first = first == null ? at : first;
            previous = previous == null ? at : previous;
            int replays = (int) copies.stream().filter(Journaled::replayed).count();
            int resends = (int) copies.stream().filter(Journaled::resent).count();
            steps.add(new Step(original, millis(first, at), millis(previous, at), copies.size(), replays, resends));
            previous = at;
        }
        return steps;
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
