package eventshop.orders.service;

import eventshop.orders.OrdersServiceFixture;
import eventshop.orders.domain.RequestedLine;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What placing an order costs in database round trips (issue 17: each one waits for a core on both sides). Counted at
 * the JDBC driver on the placing thread, after a first order has warmed up the connection and the prepared statements.
 */
@MicronautTest(transactional = false)
class OrderPlacementRoundTripsTest extends OrdersServiceFixture {

    private static final NewOrder TWO_LINES = new NewOrder("Rita Trip", "rita@example.com",
            List.of(new RequestedLine("TEST-ESP", 2), new RequestedLine("TEST-LAT", 1)));

    @Inject
    OrderPlacement placement;

    OrderPlacementRoundTripsTest() {
        super("orders");
    }

    @Test
    void aNewOrderWithAnIdempotencyKeyCostsFourStatementsAndTheCommit() throws Exception {
        placement.place(TWO_LINES, "warm-up-" + UUID.randomUUID());

        // catalog prices; order and first history line; the lines (one batch); the outbox row; commit
        assertThat(RoundTrips.of(() -> placement.place(TWO_LINES, "new-" + UUID.randomUUID()))).isEqualTo(5);
    }

    @Test
    void aRetryCostsFiveStatementsAndTheCommit() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        placement.place(TWO_LINES, key);

        // catalog prices; the insert that finds the key taken; the earlier order by its key, its lines, its history; commit
        assertThat(RoundTrips.of(() -> placement.place(TWO_LINES, key))).isEqualTo(6);
    }
}
