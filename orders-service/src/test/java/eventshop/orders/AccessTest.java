package eventshop.orders;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eventshop.testing.AccessChecks;
import eventshop.testing.Http;
import eventshop.testing.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;

import static eventshop.orders.OrderApiTest.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what on orders-service: the list of every order is for staff; a shopper places, reads and cancels an
 * order by its id without signing in, the original POST /order included; only health and prometheus of the
 * management endpoints answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest extends OrdersServiceFixture {

    AccessTest() {
        super("orders_access");
    }

    @Test
    void theListOfEveryOrderIsForStaff() {
        AccessChecks.staffOnly(http, () -> HttpRequest.GET("/orders"));
    }

    /** The access log says who: web-ui's service account and the staff member it called for. */
    @Test
    void theLogSaysWhichStaffMemberWebUiCalledFor() {
        ListAppender<ILoggingEvent> accessLog = new ListAppender<>();
        accessLog.start();
        Logger logger = (Logger) LoggerFactory.getLogger("eventshop.access");
        logger.addAppender(accessLog);
        try {
            http.send(HttpRequest.GET("/orders").basicAuth(TestAccounts.SERVICE, TestAccounts.SERVICE_PASSWORD)
                    .header("X-Staff-Member", "alice"));
            http.send(HttpRequest.GET("/orders").basicAuth(TestAccounts.STAFF, TestAccounts.STAFF_PASSWORD)
                    .header("X-Staff-Member", "mallory"));
        } finally {
            logger.detachAppender(accessLog);
        }
        List<String> lines = accessLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.startsWith("GET /orders -> 200") && line.endsWith("by web-ui for alice"));
        assertThat(lines).as("only web-ui's account may name someone else")
                .anyMatch(line -> line.startsWith("GET /orders -> 200") && line.endsWith("by staff"));
    }

    @Test
    void aShopperPlacesReadsAndCancelsAnOrderWithoutSigningIn() {
        Http.Reply placed = http.send(HttpRequest.POST("/orders", order("Ana", "ana@example.com", "TEST-ESP", "1")));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.text("id");
        AccessChecks.open(http, () -> HttpRequest.GET("/orders/" + id));
        AccessChecks.open(http, () -> HttpRequest.POST("/orders/" + id + "/cancel", "{}"));
        AccessChecks.open(http, () -> HttpRequest.GET("/catalog"));
        Http.Reply legacy = http.send(HttpRequest.POST("/order",
                "{\"customer_name\":\"Jean\",\"coffee_type\":\"Espresso\"}"));
        assertThat(legacy.status()).as(legacy.body()).isBetween(200, 299);
    }

    @Test
    void onlyHealthAndPrometheusOfTheManagementEndpointsAnswer() {
        AccessChecks.managementClosed(http);
    }
}
