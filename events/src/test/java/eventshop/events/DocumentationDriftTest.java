package eventshop.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fails when {@code documentation/} drifts from the contract in this module: the topics table, the event schemas, the
 * header table and the diagrams of {@code documentation/architecture.md} must match {@link Topics}, {@link EventTypes},
 * the event records, {@link EventEnvelope} and {@link EventHeaders}; every Mermaid block must equal its
 * {@code documentation/diagrams/*.mmd} source, and every source must have been rendered to PNG since it last changed.
 */
class DocumentationDriftTest {

    private static final Pattern EVENT_HEADING = Pattern.compile("(?m)^#{3,4} `([A-Za-z]+)`\\s*$");
    private static final Pattern BACKTICKED_EVENT_NAME = Pattern.compile("`([A-Z][A-Za-z]+)`");
    private static final Pattern FIRST_CELL = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");
    private static final Pattern MERMAID_BLOCK = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DIAGRAM_MARKER = Pattern.compile("<!-- diagram: (diagrams/[\\w.-]+\\.mmd) -->\\n$");

    private static Path documentation;
    private static String architecture;

    @BeforeAll
    static void readDocumentation() throws IOException {
        documentation = repositoryRoot().resolve("documentation");
        architecture = read(documentation.resolve("architecture.md"));
    }

    // ---- topics ----------------------------------------------------------------------------------------------------

    @Test
    void everyTopicIsInTheTopicsTableWithItsPartitionsAndCleanupPolicy() {
        Map<String, Map<String, String>> table = topicsTable();

        for (Topics.Spec spec : Topics.ALL) {
            assertThat(table).as("topics table row for %s", spec.name()).containsKey(spec.name());
            Map<String, String> row = table.get(spec.name());
            assertThat(row.get("partitions")).as("partitions of %s", spec.name())
                    .isEqualTo(String.valueOf(spec.partitions()));
            assertThat(row.get("cleanup policy")).as("cleanup policy of %s", spec.name())
                    .isEqualTo(spec.compacted() ? "compact" : "delete");
        }
    }

    @Test
    void theTopicsTableNamesTheConsumersTheCodeNames() {
        Map<String, Map<String, String>> table = topicsTable();

        for (Topics.Spec spec : Topics.ALL) {
            List<String> documented = Arrays.stream(table.get(spec.name()).get("consumers").split(","))
                    .map(String::trim).filter(name -> !name.isEmpty()).toList();
            assertThat(documented).as("consumers of %s (Topics.ALL)", spec.name())
                    .containsExactlyElementsOf(spec.consumers());
        }
    }

    @Test
    void everyTopicInTheTableExistsInTheCode() {
        Set<String> inCode = Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet());

        assertThat(topicsTable().keySet()).as("topics documented but not in Topics.ALL").isSubsetOf(inCode);
    }

    @Test
    void onlyTheTopicsThatAreTablesAreCompacted() {
        assertThat(Topics.ALL.stream().filter(Topics.Spec::compacted).map(Topics.Spec::name))
                .containsExactlyInAnyOrder(Topics.CATALOG, Topics.SALES);
    }

    @Test
    void everyEventTypeIsCarriedByExactlyOneTopicInTheTable() {
        Map<String, List<String>> topicsByEvent = new LinkedHashMap<>();
        topicsTable().forEach((topic, row) -> eventNames(row.get("events"))
                .forEach(event -> topicsByEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(topic)));

        assertThat(topicsByEvent.keySet()).as("event types in the topics table")
                .containsExactlyInAnyOrderElementsOf(EventTypes.names());
        topicsByEvent.forEach((event, topics) -> assertThat(topics).as("topics carrying %s", event).hasSize(1));
    }

    // ---- event schemas ---------------------------------------------------------------------------------------------

    @Test
    void everyEventTypeHasASchemaAndEverySchemaIsAnEventOrAValueRecord() {
        Map<String, List<String>> schemas = documentedSchemas();
        Set<String> valueRecords = valueRecords().stream().map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(schemas.keySet()).as("event schemas").containsAll(EventTypes.names());
        assertThat(schemas.keySet()).as("value record schemas").containsAll(valueRecords);
        Set<String> known = new TreeSet<>(EventTypes.names());
        known.addAll(valueRecords);
        assertThat(schemas.keySet()).as("schemas of records that do not exist").isSubsetOf(known);
    }

    @Test
    void eachDocumentedSchemaHasExactlyTheRecordsFieldsInOrder() throws ClassNotFoundException {
        for (Map.Entry<String, List<String>> schema : documentedSchemas().entrySet()) {
            Class<?> type = Class.forName(EventTypes.class.getPackageName() + "." + schema.getKey());
            assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
            assertThat(schema.getValue()).as("documented fields of %s", type.getSimpleName())
                    .containsExactlyElementsOf(componentNames(type));
        }
    }

    @Test
    void envelopeTableHasExactlyTheEnvelopeFields() {
        String envelope = section(section(architecture, "## Event schemas"), "### Envelope");

        assertThat(firstColumn(envelope)).containsExactlyElementsOf(componentNames(EventEnvelope.class));
    }

    // ---- headers ---------------------------------------------------------------------------------------------------

    @Test
    void headerTableListsExactlyTheHeadersInTheCode() throws IllegalAccessException {
        Set<String> inCode = new TreeSet<>();
        for (Field field : EventHeaders.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                inCode.add((String) field.get(null));
            }
        }
        String headers = section(section(architecture, "## Topics"), "### Kafka headers");

        assertThat(firstColumn(headers)).containsExactlyInAnyOrderElementsOf(inCode);
    }

    // ---- diagrams --------------------------------------------------------------------------------------------------

    @Test
    void everyMermaidBlockEqualsItsSource() throws IOException {
        for (Path page : markdownPages()) {
            String text = read(page);
            Matcher block = MERMAID_BLOCK.matcher(text);
            while (block.find()) {
                Matcher marker = DIAGRAM_MARKER.matcher(text.substring(Math.max(0, block.start() - 200), block.start()));
                if (!marker.find()) {
                    fail("%s: a mermaid block at offset %d is not preceded by <!-- diagram: diagrams/<name>.mmd -->",
                            page.getFileName(), block.start());
                }
                Path source = documentation.resolve(marker.group(1));
                assertThat(source).as("diagram source named in %s", page.getFileName()).exists();
                assertThat(block.group(1))
                        .as("%s block for %s (run: python3 documentation/embed-diagrams.py)", page.getFileName(),
                                marker.group(1))
                        .isEqualTo(withFinalNewline(read(source)));
            }
        }
    }

    @Test
    void everyDiagramSourceIsEmbeddedAndRenderedSinceItsLastChange() throws IOException {
        String pages = String.join("\n", markdownPages().stream().map(DocumentationDriftTest::read).toList());
        Map<String, String> rendered = renderedFingerprints();

        for (Path source : diagramSources()) {
            String name = "diagrams/" + source.getFileName();
            assertThat(pages).as("a page embeds %s", name).contains("<!-- diagram: " + name + " -->");
            String base = source.getFileName().toString().replaceFirst("\\.mmd$", "");
            Path png = base.equals("architecture") ? documentation.resolve("architecture.png")
                    : documentation.resolve("diagrams/" + base + ".png");
            assertThat(png).as("rendered image of %s", name).exists();
            assertThat(rendered.get(name)).as("%s changed since it was rendered (run documentation/render-diagrams.sh)",
                    name).isEqualTo(sha256(source));
        }
    }

    // ---- reading the Markdown --------------------------------------------------------------------------------------

    /** Topic name to its row, keyed by the (lower-case) column headers of the table under "## Topics". */
    private static Map<String, Map<String, String>> topicsTable() {
        List<List<String>> rows = tableRows(section(architecture, "## Topics"));
        assertThat(rows).as("a table under ## Topics").isNotEmpty();
        List<String> header = rows.get(0).stream().map(String::toLowerCase).toList();
        assertThat(header).as("topics table columns")
                .contains("topic", "key", "partitions", "cleanup policy", "producers", "consumers", "events");
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                cells.put(header.get(i), row.get(i));
            }
            String topic = cells.get("topic").replace("`", "").trim();
            assertThat(table.put(topic, cells)).as("topic %s listed once", topic).isNull();
        }
        return table;
    }

    private static List<String> eventNames(String cell) {
        List<String> names = new ArrayList<>();
        Matcher matcher = BACKTICKED_EVENT_NAME.matcher(cell);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Record name to its documented field names, for every backticked heading under "## Event schemas". */
    private static Map<String, List<String>> documentedSchemas() {
        String schemas = section(architecture, "## Event schemas");
        Matcher heading = EVENT_HEADING.matcher(schemas);
        Map<String, List<String>> result = new LinkedHashMap<>();
        while (heading.find()) {
            int nextHeading = schemas.indexOf("\n#", heading.end());
            String body = schemas.substring(heading.end(), nextHeading < 0 ? schemas.length() : nextHeading);
            assertThat(result.put(heading.group(1), firstColumn(body))).as("%s documented once", heading.group(1))
                    .isNull();
        }
        return result;
    }

    /** From a line equal to {@code heading} up to the next heading of the same or a higher level. */
    private static String section(String text, String heading) {
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as("heading '%s' in the documentation", heading).isNotNegative();
        StringBuilder body = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (isHeadingAtOrAbove(line, level.length() - 1)) {
                break;
            }
            body.append(line).append('\n');
        }
        return body.toString();
    }

    private static boolean isHeadingAtOrAbove(String line, int level) {
        int hashes = 0;
        while (hashes < line.length() && line.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes > 0 && hashes <= level && line.length() > hashes && line.charAt(hashes) == ' ';
    }

    /** Cells of the first Markdown table in {@code text}, header row first, separator row left out. */
    private static List<List<String>> tableRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                if (!line.matches("^\\|[\\s:|-]+\\|\\s*$")) {
                    String inner = line.trim().substring(1, line.trim().length() - 1);
                    rows.add(Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList());
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    /** The backticked names in the first column of the first table in {@code text}. */
    private static List<String> firstColumn(String text) {
        List<String> names = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                Matcher cell = FIRST_CELL.matcher(line);
                if (cell.find()) {
                    names.add(cell.group(1));
                }
            } else if (inTable) {
                break;
            }
        }
        return names;
    }

    // ---- reading the code ------------------------------------------------------------------------------------------

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** Records of this package used inside events (directly or in lists), found from the events' components. */
    private static Set<Class<?>> valueRecords() {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(Arrays.asList(DomainEvent.class.getPermittedSubclasses()));
        Set<Class<?>> visited = new LinkedHashSet<>();
        while (!toVisit.isEmpty()) {
            Class<?> type = toVisit.pop();
            if (!visited.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                for (Class<?> used : classesIn(component.getGenericType())) {
                    if (used.isRecord() && used.getPackage().equals(EventTypes.class.getPackage())
                            && !DomainEvent.class.isAssignableFrom(used)) {
                        found.add(used);
                        toVisit.push(used);
                    }
                }
            }
        }
        return found;
    }

    private static List<Class<?>> classesIn(Type type) {
        if (type instanceof Class<?> c) {
            return List.of(c);
        }
        if (type instanceof ParameterizedType p) {
            List<Class<?>> classes = new ArrayList<>(classesIn(p.getRawType()));
            for (Type argument : p.getActualTypeArguments()) {
                classes.addAll(classesIn(argument));
            }
            return classes;
        }
        return List.of();
    }

    // ---- files -----------------------------------------------------------------------------------------------------

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("documentation"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no folder containing documentation/ above " + dir);
    }

    private static List<Path> markdownPages() throws IOException {
        try (Stream<Path> files = Files.list(documentation)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<Path> diagramSources() throws IOException {
        try (Stream<Path> files = Files.list(documentation.resolve("diagrams"))) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".mmd")).sorted().toList();
            assertThat(sources).as("diagram sources in documentation/diagrams").isNotEmpty();
            return sources;
        }
    }

    /** {@code diagrams/<name>.mmd} to the SHA-256 recorded by render-diagrams.sh (sha256sum format). */
    private static Map<String, String> renderedFingerprints() {
        Path file = documentation.resolve("diagrams/rendered.sha256");
        assertThat(file).as("written by documentation/render-diagrams.sh").exists();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (String line : read(file).lines().toList()) {
            String[] parts = line.trim().split("\\s+\\*?", 2);
            if (parts.length == 2) {
                fingerprints.put(parts[1], parts[0]);
            }
        }
        return fingerprints;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String withFinalNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
