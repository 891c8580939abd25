package eventshop.audit.api;

import eventshop.platform.security.Roles;
import io.micronaut.security.annotation.Secured;
import eventshop.audit.domain.Timeline;
import eventshop.audit.persistence.JournalRepository.NamedCount;
import eventshop.audit.persistence.JournalRepository;
import eventshop.platform.http.PageView;
import eventshop.platform.http.openapi.InvalidRequestProblem;
import eventshop.platform.http.openapi.StandardProblems;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading the journal: filtered pages, an order's timeline, counts. */
@Secured({Roles.STAFF, Roles.SERVICE})
@Controller("/audit")
@Tag(name = "journal")
@StandardProblems
@ExecuteOn(TaskExecutors.BLOCKING)
@Validated
public class JournalController {

    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("id"));
    private static final Sort CAUSAL_ORDER = Sort.of(Sort.Order.asc("occurredAt"), Sort.Order.asc("recordTimestamp"),
            Sort.Order.asc("id"));

    private final JournalRepository journal;

    public JournalController(JournalRepository journal) {
        this.journal = journal;
    }

    @Operation(summary = "Journaled records, filtered, newest first", description = "Every record of every "
            + "topic, valid or not; page counts from 0, size is 1 to 200.")
    @InvalidRequestProblem
    @Get("/events")
    public PageView<JournalEntry> events(@Valid @RequestBean JournalQuery query,
                              @QueryValue(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                              @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageView.of(journal.findAll(query.toFilter().toSpecification(), Pageable.from(page, size, NEWEST_FIRST)),
                JournalEntry::of);
    }

    /** 200 with no events for an order the journal has not seen (yet): the UI polls this while an order unfolds. */
    @Operation(summary = "An order's events in causal order", description = "200 with no events for an order the "
            + "journal has not seen (yet).")
    @InvalidRequestProblem
    @Get("/orders/{orderId}/timeline")
    public OrderTimeline timeline(UUID orderId) {
        List<Timeline.Journaled> records = journal.findByOrderId(orderId, CAUSAL_ORDER).stream()
                .filter(r -> r.valid())
                .map(r -> new Timeline.Journaled(r.eventId(), r.eventType(), r.topic(), r.source(),
                        r.correlationId(), r.occurredAt(), r.recordTimestamp(), r.replayed(), r.resent()))
                .toList();
        return new OrderTimeline(orderId, Timeline.of(records).stream().map(OrderTimeline.Event::of).toList());
    }

    @Operation(summary = "Counts of journaled records by topic, type and validity")
    @Get("/stats")
    public JournalStats stats() {
        JournalRepository.Totals totals = journal.totals();
        return new JournalStats(totals.total(), totals.invalid(), totals.replayed(), totals.lastMinute(),
                totals.firstAt(), totals.lastAt(), asMap(journal.countByType()), asMap(journal.countByTopic()));
    }

    private static Map<String, Long> asMap(List<NamedCount> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach(c -> map.put(c.name(), c.count()));
        return map;
    }
}
