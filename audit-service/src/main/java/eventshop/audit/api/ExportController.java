package eventshop.audit.api;

import eventshop.audit.persistence.JournalFilter;
import eventshop.audit.persistence.JournalRecord;
import eventshop.audit.persistence.JournalRepository;
import eventshop.platform.http.openapi.InvalidRequestProblem;
import eventshop.platform.http.openapi.StandardProblems;
import eventshop.platform.security.Roles;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The journal (or a filtered part) as JSON Lines, oldest first, streamed chunk by chunk as the client reads.
 * <p>
 * Each chunk is one keyset page ({@code id > last}) read when the previous one has been written, so neither the
 * server nor the database holds the journal at once, and no connection stays open while a slow client downloads.
 * Because the journal is append-only, bounding the export by the highest id at the start gives a consistent snapshot:
 * rows are never changed or removed under the reader, and rows appended meanwhile are simply not part of it.
 */
@Secured({Roles.STAFF, Roles.SERVICE})
@Controller("/audit")
@Tag(name = "journal")
@StandardProblems
public class ExportController {

    public static final String NDJSON = "application/x-ndjson";
    private static final Argument<JournalEntry> ENTRY = Argument.of(JournalEntry.class);
    private static final Sort BY_ID = Sort.of(Sort.Order.asc("id"));

    private final JournalRepository journal;
    private final JsonMapper json;
    private final int chunkSize;

    public ExportController(JournalRepository journal, JsonMapper json,
                            ExportConfiguration configuration) {
        this.journal = journal;
        this.json = json;
        this.chunkSize = configuration.getChunkSize();
    }

    @Operation(summary = "Export the journal as JSON Lines", description = "The same filter as /audit/events; one "
            + "JSON object per line, streamed, a consistent snapshot of the journal at the start.")
    @InvalidRequestProblem
    @Get("/export")
    @Produces(NDJSON)
    public HttpResponse<Flux<String>> export(@Valid @RequestBean JournalQuery query) {
        JournalFilter filter = query.toFilter();
        Flux<String> lines = Flux.defer(() -> {
            long upToId = journal.maxId();
            return Flux.<String, Long>generate(() -> 0L, (afterId, sink) -> {
                List<JournalRecord> chunk = journal.findAll(
                        filter.and(JournalFilter.idRange(afterId, upToId)),
                        Pageable.from(0, chunkSize, BY_ID).withoutTotal()).getContent();
                if (chunk.isEmpty()) {
                    sink.complete();
                    return afterId;
                }
                sink.next(render(chunk));
                return chunk.get(chunk.size() - 1).id();
            });
        }).subscribeOn(Schedulers.boundedElastic());
        return HttpResponse.ok(lines).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.jsonl\"");
    }

    private String render(List<JournalRecord> chunk) {
        StringBuilder lines = new StringBuilder(chunk.size() * 512);
        try {
            for (JournalRecord record : chunk) {
                lines.append(json.writeValueAsString(ENTRY, JournalEntry.of(record))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a journal entry", e);
        }
        return lines.toString();
    }
}
