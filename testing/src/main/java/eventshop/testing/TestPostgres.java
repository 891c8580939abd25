package eventshop.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real PostgreSQL for tests, found in this order: the server named by {@code EVENTSHOP_TEST_POSTGRES_URL} (a JDBC
 * URL of a database the user may create databases from, e.g. {@code jdbc:postgresql://db:5432/postgres}, with
 * {@code EVENTSHOP_TEST_POSTGRES_USER}/{@code _PASSWORD}); a server on 127.0.0.1:5432 (user postgres); a Testcontainers
 * PostgreSQL when Docker is available. Each call to {@link #freshDatabase} creates a new, empty database, dropped when
 * the test JVM exits (or earlier by {@link Database#drop()}), so test runs leave no databases behind on the server.
 */
public final class TestPostgres {

    /** A test database, with plain JDBC on it for looking at tables as they are (no repositories, no caches). */
    public record Database(String url, String username, String password) {

        /** The database a service under test was given by {@link TestInfrastructure#properties(String)}. */
        public static Database of(Map<String, String> properties) {
            return new Database(properties.get("datasources.default.url"),
                    properties.get("datasources.default.username"), properties.get("datasources.default.password"));
        }

        /** The database's name on the server: the last path segment of its JDBC URL. */
        public String name() {
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** Drops the database now, ending whatever connections are left on it (a pool a test did not close). */
        public void drop() {
            TestPostgres.drop(name());
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        public void execute(String sql, Object... params) {
            query(sql, params, statement -> statement.execute());
        }

        /** The first column of the first row, e.g. of {@code SELECT count(*) ...}. */
        public long queryLong(String sql, Object... params) {
            return query(sql, params, statement -> {
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no row: " + sql);
                    }
                    return rs.getLong(1);
                }
            });
        }

        /** Every row as column label to value, in the query's column order. */
        public List<Map<String, Object>> rows(String sql, Object... params) {
            return query(sql, params, statement -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                            row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            });
        }

        private interface Work<T> {
            T on(PreparedStatement statement) throws SQLException;
        }

        private <T> T query(String sql, Object[] params, Work<T> work) {
            try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                return work.on(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }

    private record Server(String adminUrl, String username, String password) {
    }

    private static Server server;
    /** Databases created by this JVM and not dropped yet; what is left when it exits is dropped then. */
    private static final Set<String> created = ConcurrentHashMap.newKeySet();

    private TestPostgres() {
    }

    /** A new empty database whose name starts with the given prefix; dropped when the JVM exits at the latest. */
    public static Database freshDatabase(String prefix) {
        return create(prefix, true);
    }

    /**
     * A new empty database that only {@link Database#drop()} drops, for databases that processes outside this JVM use
     * until a shutdown hook of the caller's has stopped them (JVM shutdown hooks run concurrently, so a drop at exit
     * could pull the database from under a service still shutting down).
     */
    public static Database freshDatabaseDroppedByCaller(String prefix) {
        return create(prefix, false);
    }

    private static Database create(String prefix, boolean dropAtExit) {
        Server s = server();
        String name = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s.adminUrl(), e);
        }
        if (dropAtExit) {
            created.add(name);
        }
        String base = s.adminUrl().substring(0, s.adminUrl().lastIndexOf('/') + 1);
        String query = s.adminUrl().contains("?") ? s.adminUrl().substring(s.adminUrl().indexOf('?')) : "";
        return new Database(base + name + query, s.username(), s.password());
    }

    private static synchronized Server server() {
        if (server == null) {
            server = locate();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropAll, "test-postgres-drop"));
        }
        return server;
    }

    private static void dropAll() {
        for (String name : List.copyOf(created)) {
            try {
                drop(name);
            } catch (RuntimeException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }

    private static void drop(String name) {
        Server s = server();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password())) {
            // Connections left open (a pool of a context a test did not close) would make DROP DATABASE fail.
            try (PreparedStatement terminate = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                terminate.setString(1, name);
                terminate.execute();
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
            }
            created.remove(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + " on " + s.adminUrl(), e);
        }
    }

    private static Server locate() {
        String url = System.getenv("EVENTSHOP_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            Server given = new Server(url, env("EVENTSHOP_TEST_POSTGRES_USER", "postgres"),
                    env("EVENTSHOP_TEST_POSTGRES_PASSWORD", ""));
            if (!reachable(given)) {
                throw new IllegalStateException("EVENTSHOP_TEST_POSTGRES_URL=" + url + " is set but PostgreSQL there "
                        + "refuses connections as " + given.username() + ". Start it or fix the variable.");
            }
            return given;
        }
        Server local = new Server("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        if (reachable(local)) {
            return local;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("""
                No PostgreSQL for the tests. Do one of:
                  - start the local server:  pg_ctlcluster 15 main start   (or: sudo service postgresql start)
                  - point the tests at one:  export EVENTSHOP_TEST_POSTGRES_URL=jdbc:postgresql://HOST:5432/postgres
                  - start a Docker engine, so Testcontainers can run postgres:16-alpine""");
    }

    private static boolean reachable(Server s) {
        try (Connection ignored = DriverManager.getConnection(s.adminUrl(), s.username(), s.password())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
