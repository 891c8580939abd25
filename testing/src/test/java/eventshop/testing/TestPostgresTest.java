package eventshop.testing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Test databases do not outlive the tests: one test run used to leave about thirty behind on the server. */
class TestPostgresTest {

    @Test
    void dropRemovesTheDatabaseEvenWithAConnectionLeftOpen() throws Exception {
        TestPostgres.Database db = TestPostgres.freshDatabase("drop_check");
        Connection leftOpen = db.connect();
        assertThat(exists(db.name())).isTrue();

        db.drop();

        assertThat(exists(db.name())).isFalse();
        assertThat(leftOpen.isValid(2)).as("the open connection was ended").isFalse();
        leftOpen.close();
    }

    @Test
    void whatAJvmLeavesIsDroppedWhenItExits() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CreateAndExit.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exits").isTrue();
        String name = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

        assertThat(child.exitValue()).isZero();
        assertThat(name).startsWith("left_behind_");
        assertThat(exists(name)).as("database %s after its JVM exited", name).isFalse();
    }

    private static boolean exists(String name) {
        TestPostgres.Database any = TestPostgres.freshDatabase("lookup");
        try {
            return any.queryLong("SELECT count(*) FROM pg_database WHERE datname = ?", name) == 1;
        } finally {
            any.drop();
        }
    }

    /** Creates a database, keeps a connection to it open, prints its name and exits without dropping it. */
    public static final class CreateAndExit {
        public static void main(String[] args) throws Exception {
            TestPostgres.Database db = TestPostgres.freshDatabase("left_behind");
            Connection open = db.connect();
            System.out.println(db.name());
            System.out.flush();
            assert open != null;
        }
    }
}
