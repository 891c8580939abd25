package eventshop.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventshop.e2e.ServiceProcess;
import eventshop.testing.TestAccounts;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * A steady stream of shoppers and staff over HTTP, as outside clients behave: orders placed on the two orders
 * instances in turn, each with an Idempotency-Key, and retried with the same key (on the other instance) while the
 * answer is a connection failure or a 5xx, for up to {@link #GIVE_UP_AFTER}; every {@value #CANCEL_EVERY}th accepted
 * order cancelled; a restock by staff every {@value #RESTOCK_EVERY}th tick. What was accepted (201/200) is counted and
 * remembered. When every client is busy (the shop is down and they are all retrying) a tick is skipped, as a shopper
 * facing an error page stops clicking.
 */
final class ShopLoad {

    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final Duration RETRY_EVERY = Duration.ofMillis(500);
    private static final int CANCEL_EVERY = 10;
    private static final int RESTOCK_EVERY = 10;
    private static final int RESTOCK_QUANTITY = 15;
    private static final int CLIENTS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An order the shop accepted (201), and the scenario it was placed in. */
    record Accepted(UUID orderId, String scenario) {
    }

    private final List<ServiceProcess> orders;
    private final List<ServiceProcess> inventory;
    private final List<String> skus;
    private final int perSecond;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<UUID, Accepted> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> restocked = new ConcurrentHashMap<>();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong ticks = new AtomicLong();
    private final Random random = new Random(11);
    private ScheduledExecutorService clock;
    private ThreadPoolExecutor clients;
    private volatile String scenario;

    ShopLoad(List<ServiceProcess> orders, List<ServiceProcess> inventory, List<String> skus, int perSecond) {
        this.orders = orders;
        this.inventory = inventory;
        this.skus = skus;
        this.perSecond = perSecond;
    }

    synchronized void start(String scenarioName) {
        scenario = scenarioName;
        clients = new ThreadPoolExecutor(CLIENTS, CLIENTS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.DiscardPolicy() {
                    @Override
                    public void rejectedExecution(Runnable r, ThreadPoolExecutor executor) {
                        skipped.incrementAndGet();
                    }
                });
        clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(this::tick, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops placing and waits for the clients still retrying (at most {@link #GIVE_UP_AFTER} and a request). */
    synchronized void stop() throws InterruptedException {
        clock.shutdownNow();
        clients.shutdown();
        if (!clients.awaitTermination(GIVE_UP_AFTER.toSeconds() + 20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("load clients still busy after " + GIVE_UP_AFTER.plusSeconds(20));
        }
    }

    Map<UUID, Accepted> accepted() {
        return Map.copyOf(accepted);
    }

    long acceptedIn(String scenarioName) {
        return accepted.values().stream().filter(a -> a.scenario().equals(scenarioName)).count();
    }

    /** Units restocked by requests that were answered 200, per SKU. */
    Map<String, Long> restocked() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        restocked.forEach((sku, units) -> copy.put(sku, units.get()));
        return copy;
    }

    long cancelled() {
        return cancelled.get();
    }

    /** Requests whose clients gave up after retrying: not accepted, so not counted. */
    long gaveUp() {
        return gaveUp.get();
    }

    long skipped() {
        return skipped.get();
    }

    private void tick() {
        long n = ticks.incrementAndGet();
        String sku;
        int quantity;
        synchronized (random) {
            sku = skus.get(random.nextInt(skus.size()));
            quantity = 1 + random.nextInt(2);
        }
        String scenarioNow = scenario;
        if (n % RESTOCK_EVERY == 0) {
            clients.execute(() -> restock(sku, n));
        } else {
            clients.execute(() -> placeOrder(sku, quantity, n, scenarioNow));
        }
    }

    private void placeOrder(String sku, int quantity, long n, String scenarioNow) {
        Map<String, Object> body = Map.of(
                "customer", Map.of("name", "Shopper " + n, "email", "shopper" + n + "@example.com"),
                "lines", List.of(Map.of("sku", sku, "quantity", quantity)));
        String key = "fault-suite-order-" + UUID.randomUUID();
        JsonNode order = send(n, i -> orders.get(i % orders.size()).url() + "/orders", body, key, false, 201);
        if (order == null) {
            return;
        }
        UUID id = UUID.fromString(order.path("id").asText());
        accepted.putIfAbsent(id, new Accepted(id, scenarioNow));
        if (accepted.size() % CANCEL_EVERY == 0) {
            JsonNode cancel = send(n, i -> orders.get(i % orders.size()).url() + "/orders/" + id + "/cancel",
                    Map.of("reason", "changed my mind"), null, false, 200);
            if (cancel != null) {
                cancelled.incrementAndGet();
            }
        }
    }

    private void restock(String sku, long n) {
        String key = "fault-suite-restock-" + UUID.randomUUID();
        JsonNode product = send(n, i -> inventory.get(i % inventory.size()).url() + "/products/" + sku + "/restock",
                Map.of("quantity", RESTOCK_QUANTITY), key, true, 200);
        if (product != null) {
            restocked.computeIfAbsent(sku, s -> new AtomicLong()).addAndGet(RESTOCK_QUANTITY);
        }
    }

    private interface Target {
        String url(int attempt);
    }

    /** What one attempt came to: a body when the expected status came back, none for another 4xx. */
    private record Answer(JsonNode body, boolean interrupted) {
        static final Answer REFUSED = new Answer(null, false);
        static final Answer INTERRUPTED = new Answer(null, true);
    }

    /**
     * Posts until the expected status, moving to the next instance after a connection failure or a 5xx, every
     * {@link #RETRY_EVERY} for up to {@link #GIVE_UP_AFTER} (Awaitility paces the attempts); null when the answer is
     * another 4xx (a 409: the order was no longer cancellable) or the client gave up.
     */
    private JsonNode send(long n, Target target, Object body, String idempotencyKey, boolean asStaff, int expected) {
        AtomicInteger attempt = new AtomicInteger((int) n);
        try {
            Answer answer = await("request " + n + " answered").atMost(GIVE_UP_AFTER)
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(RETRY_EVERY)
                    .until(() -> attempt(target.url(attempt.getAndIncrement()), body, idempotencyKey, asStaff, expected),
                            Objects::nonNull);
            if (answer.interrupted()) {
                gaveUp.incrementAndGet();
            }
            return answer.body();
        } catch (ConditionTimeoutException e) {
            gaveUp.incrementAndGet();
            return null;
        }
    }

    /** One request; null when it is worth another attempt (the instance is down, the answer was lost, a 5xx). */
    private Answer attempt(String url, Object body, String idempotencyKey, boolean asStaff, int expected)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (asStaff) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (TestAccounts.STAFF + ":" + TestAccounts.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null; // the same request, with the same key, on the next instance
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.INTERRUPTED;
        }
        if (response.statusCode() == expected) {
            return new Answer(JSON.readTree(response.body()), false);
        }
        return response.statusCode() < 500 ? Answer.REFUSED : null;
    }

    static List<String> skusOf(List<Map<String, Object>> rows) {
        List<String> skus = new ArrayList<>();
        rows.forEach(row -> skus.add((String) row.get("sku")));
        return skus;
    }
}
