package eventshop.webui.architecture;

import eventshop.events.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * One topic of the architecture page. Name, partitions and compaction are the code's ({@link Topics}); key, writers,
 * readers and events are the cells of the topic's row in documentation/architecture.md's topics table, when that
 * document has one ({@code | `shop.orders` | key | written by | read by | events |}).
 */
public record TopicRow(String name, int partitions, boolean compacted, String key, String writtenBy, String readBy,
                       String events) {

    static List<TopicRow> table(List<Topics.Spec> specs, String markdown) {
        List<TopicRow> rows = new ArrayList<>();
        for (Topics.Spec spec : specs) {
            String[] cells = documentedCells(spec.name(), markdown);
            rows.add(new TopicRow(spec.name(), spec.partitions(), spec.compacted(), cell(cells, 1), cell(cells, 2),
                    cell(cells, 3), cell(cells, 4)));
        }
        return rows;
    }

    private static String[] documentedCells(String topic, String markdown) {
        for (String line : markdown.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("|")) {
                String[] cells = trimmed.substring(1).split("\\|");
                if (cells.length >= 5 && strip(cells[0]).split(" ")[0].equals(topic)) {
                    return cells;
                }
            }
        }
        return new String[0];
    }

    private static String cell(String[] cells, int index) {
        return index < cells.length ? strip(cells[index]) : "";
    }

    /** Markdown emphasis and code marks are dropped: the page shows plain, escaped text. */
    private static String strip(String cell) {
        return cell.replace("`", "").replace("**", "").trim();
    }
}
