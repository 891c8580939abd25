package eventshop.webui.architecture;

import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.annotation.Secured;
import eventshop.events.Topics;
import eventshop.webui.layout.Page;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The architecture diagram and the topics table, from the same sources as documentation/: the picture and the
 * Mermaid text are copied from documentation/ into the jar at build time (see the pom), the topic names, partitions,
 * compaction and consumers come from {@link Topics}, and keys, producers and events from documentation/architecture.md.
 */
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/architecture")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArchitectureController {

    static final String PICTURE = "public/docs/architecture.png";
    static final String MERMAID = "public/docs/diagrams/architecture.mmd";
    static final String DOCUMENT = "public/docs/architecture.md";

    private final ResourceResolver resources;

    public ArchitectureController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get
    public ModelAndView<Map<String, Object>> architecture() {
        List<TopicRow> topics = TopicRow.table(Topics.ALL, read(DOCUMENT).orElse(""));
        return Page.of("architecture/index", "Architecture", "architecture")
                .with("hasPicture", resources.getResource("classpath:" + PICTURE).isPresent())
                .with("mermaid", read(MERMAID).orElse(null))
                .with("topics", topics)
                .render();
    }

    private Optional<String> read(String path) {
        return resources.getResourceAsStream("classpath:" + path).map(ArchitectureController::text);
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
