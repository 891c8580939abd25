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
import java.util.UUID;

/**
 * A real PostgreSQL for tests, found in this order: the server named by {@code EVENTSHOP_TEST_POSTGRES_URL} (a JDBC
 * URL of a database the user may create databases from, e.g. {@code jdbc:postgresql://db:5432/postgres}, with
 * {@code EVENTSHOP_TEST_POSTGRES_USER}/{@code _PASSWORD}); a server on 127.0.0.1:5432 (user postgres); a Testcontainers
 * PostgreSQL when Docker is available. Each call to {@link #freshDatabase} creates a new, empty database.
 */
public final class TestPostgres {

    /** A test database, with plain JDBC on it for looking at tables as they are (no repositories, no caches). */
    public record Database(String url, String username, String password) {

        /** The database a service under test was given by {@link TestInfrastructure#properties(String)}. */
        public static Database of(Map<String, String> properties) {
            return new Database(properties.get("datasources.default.url"),
                    properties.get("datasources.default.username"), properties.get("datasources.default.password"));
        }

        /** The same role on the database {@code name} of the same server. */
        Database at(String name) {
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
            return new Database(base + name + query, username, password);
        }

        /** The database's name on the server: the last path segment of its JDBC URL. */
        public String name() {
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /**
         * Drops the database now, ending whatever connections are left on it (a pool a test did not close). Its roles
         * go when the JVM exits, with the other roles this JVM made.
         */
        public void drop() {
            admin("DROP DATABASE IF EXISTS " + name() + " WITH (FORCE)");
            CREATED_DATABASES.remove(name());
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

    private TestPostgres() {
    }

    /**
     * A database and the roles that own and use it, as the run modes create them: an owner role that runs the
     * migrations, and the role the service connects as. For most services they are one role (owner == app).
     */
    public record Roles(Database owner, Database app) {
    }

    /**
     * A new empty database whose name starts with the given prefix, owned by a new login role of the same name that
     * is no superuser and may connect to this database only, as each service's role in the run modes.
     */
    public static Database freshDatabase(String prefix) {
        String name = newName(prefix);
        Database owner = createRole(name);
        createDatabase(name, owner.username());
        return owner.at(name);
    }

    /**
     * A new empty database owned by {@code <name>_owner} (who runs the migrations), with a second login role
     * {@code <name>} for the service, which gets only the privileges the migrations grant it: the audit journal's
     * set-up, where the service must not be able to change what it wrote.
     */
    public static Roles freshDatabaseWithAppRole(String prefix) {
        String name = newName(prefix);
        Database owner = createRole(name + "_owner");
        Database app = createRole(name);
        createDatabase(name, owner.username());
        admin("GRANT CONNECT ON DATABASE " + name + " TO " + app.username());
        return new Roles(owner.at(name), app.at(name));
    }

    private static String newName(String prefix) {
        return (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
    }

    private static Database createRole(String role) {
        String password = UUID.randomUUID().toString();
        admin("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        CREATED_ROLES.add(role);
        return new Database(server().adminUrl(), role, password);
    }

    private static void createDatabase(String name, String owner) {
        admin("CREATE DATABASE " + name + " OWNER " + owner);
        CREATED_DATABASES.add(name);
        admin("REVOKE CONNECT, TEMPORARY ON DATABASE " + name + " FROM PUBLIC");
    }

    private static void admin(String sql) {
        Server s = server();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + sql.replaceAll("PASSWORD '.*'", "PASSWORD ...") + " on "
                    + s.adminUrl() + " as " + s.username(), e);
        }
    }

    /** The roles and databases this JVM made, dropped when it exits (databases first: a role owning one stays). */
    private static final List<String> CREATED_ROLES = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final List<String> CREATED_DATABASES = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "test-postgres-cleanup"));
    }

    private static void dropCreated() {
        if (server == null) {
            return;
        }
        for (String database : CREATED_DATABASES) {
            quietly("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        for (String role : CREATED_ROLES) {
            quietly("DROP ROLE IF EXISTS " + role);
        }
    }

    private static void quietly(String sql) {
        try {
            admin(sql);
        } catch (IllegalStateException e) {
            // best effort at exit: a database still in use by a process outside this JVM is left for the next run
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = locate();
        }
        return server;
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
