package eventshop.webui.audit;

import eventshop.webui.security.StaffSignIn;
import io.micronaut.security.annotation.Secured;
import eventshop.events.EventTypes;
import eventshop.events.Topics;
import eventshop.webui.forms.FieldErrors;
import eventshop.webui.layout.Downstream;
import eventshop.webui.layout.Page;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.StreamingHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit explorer: the journal of every record on every topic, filtered; counts; the JSON Lines export. */
@Produces(MediaType.TEXT_HTML)
@Secured(StaffSignIn.STAFF)
@Controller("/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private static final int PAGE_SIZE = 50;
    private static final String NDJSON = "application/x-ndjson";

    private final AuditClient audit;
    private final StreamingHttpClient auditStream;
    private final Downstream downstream;
    private final Validator validator;

    public AuditController(AuditClient audit, @Client(id = "audit") StreamingHttpClient auditStream,
                           Downstream downstream, Validator validator) {
        this.audit = audit;
        this.auditStream = auditStream;
        this.downstream = downstream;
        this.validator = validator;
    }

    /** The filters as typed; blank means "any". */
    @Introspected
    public record Filters(@Pattern(regexp = UUID_OR_BLANK, message = "Not an order id (a UUID).") String orderId,
                          String type, String topic, boolean invalidOnly, int page) {

        UUID orderUuid() {
            return orderId.isEmpty() ? null : UUID.fromString(orderId);
        }
    }

    private static final String UUID_OR_BLANK = "|\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}"
            + "-\\p{XDigit}{12}";

    @Get("{?orderId,type,topic,invalid,page}")
    public ModelAndView<Map<String, Object>> journal(@Nullable @QueryValue String orderId,
                                                     @Nullable @QueryValue String type,
                                                     @Nullable @QueryValue String topic,
                                                     @Nullable @QueryValue Boolean invalid,
                                                     @Nullable @QueryValue Integer page) {
        Filters filters = new Filters(blankToEmpty(orderId), blankToEmpty(type), blankToEmpty(topic),
                Boolean.TRUE.equals(invalid), page == null || page < 0 ? 0 : page);
        Page view = Page.of("audit/index", "Audit", "audit")
                .with("filters", filters)
                .with("types", EventTypes.names().stream().sorted().toList())
                .with("topics", Topics.ALL.stream().map(Topics.Spec::name).toList());
        FieldErrors errors = FieldErrors.of(validator.validate(filters));
        view.with("errors", errors);
        UUID order = errors.has("orderId") ? null : filters.orderUuid();
        JournalPage journal = view.use(downstream.fetch("The audit service", () -> audit.events(order,
                emptyToNull(filters.type()), emptyToNull(filters.topic()), filters.invalidOnly() ? Boolean.FALSE : null,
                filters.page(), PAGE_SIZE)), JournalPage.empty(PAGE_SIZE));
        Map<String, Object> stats = view.use(downstream.fetch("The audit service", audit::stats), Map.of());
        return view.with("journal", journal).with("stats", Stat.of(stats)).render();
    }

    /** The journal as JSON Lines, streamed through from audit-service so the browser never talks to it directly. */
    @Get("/export")
    @Produces(NDJSON)
    public HttpResponse<Flux<byte[]>> export() {
        Flux<byte[]> lines = Flux.from(auditStream.dataStream(HttpRequest.GET("/audit/export")))
                .map(buffer -> {
                    byte[] bytes = buffer.toByteArray();
                    if (buffer instanceof io.micronaut.core.io.buffer.ReferenceCounted counted) {
                        counted.release();
                    }
                    return bytes;
                })
                .onErrorResume(e -> Flux.just(("{\"error\":\"the audit service stopped answering: "
                        + e.getClass().getSimpleName() + "\"}\n").getBytes(StandardCharsets.UTF_8)));
        return HttpResponse.ok(lines).contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"audit-journal.jsonl\"");
    }

    private static String blankToEmpty(@Nullable String value) {
        return value == null ? "" : value.trim();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /**
     * One figure of {@code /audit/stats}, labelled for people: a number or a time, or a breakdown (per type, per
     * topic …) shown as a list. A figure the page does not know yet is still shown, its name spelled out.
     */
    public record Stat(String name, String value, List<String> parts) {

        private static final Map<String, String> LABELS = Map.of(
                "total", "Events journaled", "invalid", "Invalid records", "replayed", "Replayed",
                "lastMinute", "In the last minute", "firstEventAt", "First event (UTC)",
                "lastEventAt", "Latest event (UTC)", "byType", "By type", "byTopic", "By topic");

        static List<Stat> of(Map<String, Object> stats) {
            return stats.entrySet().stream().map(e -> e.getValue() instanceof Map<?, ?> map
                    ? new Stat(label(e.getKey()), null, map.entrySet().stream()
                            .map(part -> part.getKey() + ": " + part.getValue()).toList())
                    : new Stat(label(e.getKey()), value(e.getValue()), List.of())).toList();
        }

        private static String label(String key) {
            return LABELS.getOrDefault(key, key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase());
        }

        private static String value(Object value) {
            if (value == null) {
                return "—";
            }
            try {
                return eventshop.webui.layout.Formats.INSTANCE.time(java.time.Instant.parse(value.toString()));
            } catch (java.time.format.DateTimeParseException notATime) {
                return value.toString();
            }
        }
    }
}
