package eventshop.webui.architecture;

import eventshop.events.Topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One topic of the architecture page. Name, partitions, compaction and consumers are the code's ({@link Topics});
 * key, producers and events are the cells of the topic's row in documentation/architecture.md's topics table
 * (the Markdown table whose first header cell is {@code topic}), found by their header names.
 */
public record TopicRow(String name, int partitions, boolean compacted, String key, String producers,
                       String consumers, String events) {

    static List<TopicRow> table(List<Topics.Spec> specs, String markdown) {
        List<String[]> table = topicsTable(markdown);
        String[] header = table.isEmpty() ? new String[0] : table.get(0);
        List<TopicRow> rows = new ArrayList<>();
        for (Topics.Spec spec : specs) {
            String[] cells = table.stream().skip(1).filter(r -> r.length > 0 && r[0].split(" ")[0].equals(spec.name()))
                    .findFirst().orElse(new String[0]);
            rows.add(new TopicRow(spec.name(), spec.partitions(), spec.compacted(), cell(header, cells, "key"),
                    cell(header, cells, "producers", "written by"), String.join(", ", spec.consumers()),
                    cell(header, cells, "events")));
        }
        return rows;
    }

    /** The rows (header first, separator dropped) of the first table whose header starts with "topic". */
    private static List<String[]> topicsTable(String markdown) {
        List<String[]> rows = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("|")) {
                if (!rows.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] cells = Arrays.stream(trimmed.substring(1).split("\\|")).map(TopicRow::strip)
                    .toArray(String[]::new);
            if (rows.isEmpty() && (cells.length == 0 || !cells[0].equalsIgnoreCase("topic"))) {
                continue;
            }
            if (cells.length > 0 && !cells[0].startsWith("---")) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String cell(String[] header, String[] cells, String... names) {
        for (int i = 0; i < header.length && i < cells.length; i++) {
            for (String name : names) {
                if (header[i].equalsIgnoreCase(name)) {
                    return cells[i];
                }
            }
        }
        return "";
    }

    /** Markdown emphasis and code marks are dropped: the page shows plain, escaped text. */
    private static String strip(String cell) {
        return cell.replace("`", "").replace("**", "").trim();
    }
}
