package eventshop.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Where is…" table and every other repository path it names in backticks point at files and folders
 * that exist: a renamed class or a moved page fails here, not in a newcomer's first hour.
 */
class ReadmePathsTest {

    private static final Pattern QUOTED_PATH = Pattern.compile("`([A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*)`");

    @Test
    void everyPathTheReadmeNamesExists() throws IOException {
        Path root = ComposeFileTest.ROOT;
        String readme = Files.readString(root.resolve("README.md"));
        List<String> named = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Matcher m = QUOTED_PATH.matcher(readme);
        while (m.find()) {
            String path = m.group(1);
            if (!Files.isDirectory(root.resolve(path.substring(0, path.indexOf('/'))))) {
                continue; // not a repository path (a media type, a URL part)
            }
            named.add(path);
            if (!Files.exists(root.resolve(path))) {
                missing.add(path);
            }
        }
        assertThat(named).as("repository paths in README.md").hasSizeGreaterThan(10);
        assertThat(missing).as("paths README.md names that do not exist").isEmpty();
    }
}
