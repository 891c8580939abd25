package eventshop.audit;

import eventshop.testing.AccessChecks;
import eventshop.testing.Http;
import eventshop.testing.TestPostgres;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Everything audit-service offers is for staff; and the role it connects to PostgreSQL as may add to the journal and
 * read it, but the database itself refuses it any change or removal of a journaled row ("permission denied", before
 * the append-only trigger is even asked). The migrations ran as the database's owner, a different role.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalPrivilegesTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    JsonMapper jsonMapper;

    private Http http;
    private TestPostgres.Database serviceRole;
    private String ownerRole;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = AuditTestSupport.properties(Map.of());
        serviceRole = TestPostgres.Database.of(props);
        ownerRole = props.get("flyway.datasources.default.user");
        return props;
    }

    @BeforeAll
    void setUp() {
        http = new Http(client.toBlocking(), jsonMapper);
    }

    @Test
    void theServiceRoleCannotRewriteTheJournal() {
        for (String change : new String[] {"UPDATE journal_entry SET topic = 'rewritten'", "DELETE FROM journal_entry",
                "TRUNCATE journal_entry"}) {
            SQLException refused = catchThrowableOfType(SQLException.class, () -> run(change));
            assertThat((Throwable) refused).as(change).isNotNull();
            assertThat(refused.getMessage()).as(change).contains("permission denied for table journal_entry");
        }
    }

    @Test
    void theServiceRoleIsNoSuperuserAndOwnsNothing() {
        assertThat(serviceRole.queryLong("SELECT count(*) FROM pg_roles WHERE rolname = current_user AND "
                + "(rolsuper OR rolcreaterole OR rolcreatedb)")).isZero();
        assertThat(serviceRole.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                + "AND tableowner = current_user")).isZero();
        assertThat(serviceRole.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'journal_entry' "
                + "AND tableowner = ?", ownerRole)).isEqualTo(1);
        assertThat(serviceRole.queryLong("SELECT count(*) FROM pg_roles WHERE rolname = ? AND rolsuper", ownerRole))
                .isZero();
    }

    @Test
    void everyAuditEndpointIsForStaff() {
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/audit/events"));
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/audit/stats"));
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/audit/orders/" + UUID.randomUUID() + "/timeline"));
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/audit/export?orderId=" + UUID.randomUUID()));
        // A replay that finds nothing to replay is a 404: past the door, which is what is checked here.
        AccessChecks.refusedUnlessStaff(http, () -> HttpRequest.POST("/audit/replay",
                Map.of("orderId", UUID.randomUUID().toString())));
        AccessChecks.managementClosed(http);
    }

    private void run(String sql) throws SQLException {
        try (Connection c = serviceRole.connect(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
