package eventshop.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's results as a Markdown table, rewritten to a file after every scenario. Lost and applied twice are
 * counted over every order so far (each check re-checks the earlier scenarios' orders); events sent twice are the
 * copies that appeared on the topics during the scenario.
 */
final class ResultsTable {

    /** One scenario's line. */
    record Row(String scenario, long accepted, InvariantChecker.Result result, long recoverySeconds,
               long wallSeconds) {
    }

    private final Path file;
    private final String setting;
    private final List<Row> rows = new ArrayList<>();
    private final Instant startedAt = Instant.now();

    ResultsTable(Path file, String setting) {
        this.file = file;
        this.setting = setting;
    }

    synchronized void add(Row row) {
        rows.add(row);
        write();
    }

    synchronized String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("Fault suite, ").append(startedAt).append(": ").append(setting).append("\n\n");
        text.append("| scenario | orders accepted | confirmed / rejected / cancelled | lost | applied twice "
                + "| events sent twice (journaled as resent) | seconds to recover | scenario wall time (s) |\n");
        text.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        long resentBefore = 0;
        for (Row row : rows) {
            InvariantChecker.Result r = row.result();
            text.append("| ").append(row.scenario())
                    .append(" | ").append(row.accepted())
                    .append(" | ").append(r.confirmed()).append(" / ").append(r.rejected()).append(" / ")
                    .append(r.cancelled())
                    .append(" | ").append(r.lost())
                    .append(" | ").append(r.appliedTwice())
                    .append(" | ").append(r.resentCopies() - resentBefore)
                    .append(" | ").append(row.recoverySeconds())
                    .append(" | ").append(row.wallSeconds())
                    .append(" |\n");
            resentBefore = r.resentCopies();
        }
        for (Row row : rows) {
            if (!row.result().violations().isEmpty()) {
                text.append("\nViolations after \"").append(row.scenario()).append("\":\n");
                row.result().violations().forEach(v -> text.append("- ").append(v).append('\n'));
            }
        }
        return text.toString();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
