import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load half of local-stack/benchmark.sh, run as a single source file ({@code java Benchmark.java ...}) so it needs
 * nothing but the JDK: real percentiles are easier in Java than in bash. It talks to a running stack over loopback:
 *
 * <ol>
 *   <li>latency: orders placed one after the other, each polled until CONFIRMED (click-to-confirmed, client side),
 *       then the audit timeline's {@code sinceFirstMs} of OrderConfirmed for the same orders (server side);</li>
 *   <li>throughput: orders fired by a fixed number of concurrent clients; the clock stops when all are CONFIRMED.</li>
 * </ol>
 *
 * Every loop is bounded (count and deadline). The JSON answers are read with small patterns on purpose: the fields
 * needed are flat, and a JSON library would mean a build step for a one-file tool.
 *
 * <p>Usage: {@code java Benchmark.java <ordersUrl> <inventoryUrl> <auditUrl> <orders> <throughputOrders>
 * <concurrency> <warmup>}
 */
public class Benchmark {

    private static final String SKU = "ESP-001";
    private static final Duration ORDER_DEADLINE = Duration.ofSeconds(60);
    /** How often a pending order is polled: the resolution of the client-side latency. */
    private static final long POLL_MILLIS = 5;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern PAGE_TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)\\s*}\\s*$");
    private static final Pattern CONFIRMED_SINCE_FIRST =
            Pattern.compile("\"type\"\\s*:\\s*\"OrderConfirmed\"[^}]*?\"sinceFirstMs\"\\s*:\\s*(\\d+)");
    /** A timeline event's type, occurredAt (when its transaction wrote it) and recordedAt (its Kafka timestamp). */
    private static final Pattern TIMELINE_EVENT = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"[^}]*?"
            + "\"occurredAt\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"recordedAt\"\\s*:\\s*\"([^\"]+)\"");
    /** The hops of a confirmed order: each event's outbox → Kafka, and Kafka → the next service's transaction. */
    private static final String[] HOPS = {
            "OrderPlaced written → on Kafka (orders outbox relay)",
            "OrderPlaced on Kafka → StockReserved written (inventory consumer)",
            "StockReserved written → on Kafka (inventory outbox relay)",
            "StockReserved on Kafka → OrderConfirmed written (orders consumer)"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String orders;
    private final String inventory;
    private final String audit;

    Benchmark(String orders, String inventory, String audit) {
        this.orders = orders;
        this.inventory = inventory;
        this.audit = audit;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java Benchmark.java <ordersUrl> <inventoryUrl> <auditUrl> <orders> "
                    + "<throughputOrders> <concurrency> <warmup>");
            System.exit(2);
        }
        Benchmark bench = new Benchmark(args[0], args[1], args[2]);
        int latencyOrders = Integer.parseInt(args[3]);
        int throughputOrders = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);

        bench.restock(warmup + latencyOrders + throughputOrders);
        if (warmup > 0) {
            bench.sequential(warmup);
            System.out.printf("warm-up: %d orders placed and confirmed (not counted)%n", warmup);
        }
        bench.latency(latencyOrders);
        bench.throughput(throughputOrders, concurrency);
    }

    /** Enough ESP-001 for every order of the run, so none is rejected for want of stock. */
    void restock(int quantity) throws Exception {
        int left = quantity;
        while (left > 0) {
            int chunk = Math.min(left, 10_000);   // StockReplenished.MAX_QUANTITY
            send(post(inventory + "/products/" + SKU + "/restock", "{\"quantity\":" + chunk + "}"), 200);
            left -= chunk;
        }
        System.out.printf("restocked %s by %d%n", SKU, quantity);
    }

    void latency(int count) throws Exception {
        List<Placed> placed = sequential(count);
        List<Long> clientMs = placed.stream().map(Placed::confirmedAfterMs).toList();
        System.out.printf("%nclick-to-confirmed, %d orders one after the other (POST /orders → GET /orders/{id} every %d ms "
                + "until CONFIRMED)%n", count, POLL_MILLIS);
        System.out.println("  client side (ms):  " + summary(clientMs));

        List<Long> serverMs = new ArrayList<>();
        List<List<Long>> hops = new ArrayList<>();
        for (String ignored : HOPS) {
            hops.add(new ArrayList<>());
        }
        for (Placed p : placed) {
            serverMs.add(confirmedSinceFirst(p.id()));
            long[] times = hopTimes(p.id());
            for (int h = 0; h < HOPS.length; h++) {
                hops.get(h).add(times[h]);
            }
        }
        System.out.println("  audit timeline OrderConfirmed.sinceFirstMs (ms, from event timestamps):  " + summary(serverMs));
        System.out.println("  where it goes (ms, occurredAt/recordedAt of the timeline; recordedAt has ms resolution):");
        for (int h = 0; h < HOPS.length; h++) {
            System.out.printf("    %-68s %s%n", HOPS[h], summary(hops.get(h)));
        }
    }

    /** Places {@code count} orders one at a time, each awaited until CONFIRMED. */
    List<Placed> sequential(int count) throws Exception {
        List<Placed> placed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            String id = placeOrder(i);
            awaitConfirmed(id);
            placed.add(new Placed(id, (System.nanoTime() - start) / 1_000_000));
        }
        return placed;
    }

    void throughput(int count, int concurrency) throws Exception {
        long confirmedBefore = confirmedTotal();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<String>> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            posts.add(clients.submit(() -> placeOrder(n)));
        }
        for (Future<String> post : posts) {
            post.get();
        }
        long acceptedMs = (System.nanoTime() - start) / 1_000_000;
        clients.shutdown();
        long deadline = System.nanoTime() + ORDER_DEADLINE.toNanos() * 5;
        long confirmed = 0;
        while (confirmed < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + confirmed + " of " + count + " orders CONFIRMED in time");
            }
            Thread.sleep(20);
            confirmed = confirmedTotal() - confirmedBefore;
        }
        long allConfirmedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%nthroughput, %d orders from %d concurrent clients%n", count, concurrency);
        System.out.printf("  all %d POST /orders answered after %d ms (%.1f orders/s accepted)%n",
                count, acceptedMs, count * 1000.0 / acceptedMs);
        System.out.printf("  all %d CONFIRMED after %d ms → %.1f orders/s end to end%n",
                count, allConfirmedMs, count * 1000.0 / allConfirmedMs);
    }

    private String placeOrder(int n) throws Exception {
        String body = "{\"customer\":{\"name\":\"Bench Mark\",\"email\":\"bench@example.com\"},"
                + "\"lines\":[{\"sku\":\"" + SKU + "\",\"quantity\":1}]}";
        String answer = send(post(orders + "/orders", body), 201);
        return first(ID, answer, "POST /orders answer without an id");
    }

    private void awaitConfirmed(String id) throws Exception {
        long deadline = System.nanoTime() + ORDER_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            String status = first(STATUS, send(get(orders + "/orders/" + id), 200), "order without a status");
            switch (status) {
                case "CONFIRMED" -> { return; }
                case "PENDING" -> Thread.sleep(POLL_MILLIS);
                default -> throw new IllegalStateException("order " + id + " ended " + status + ", expected CONFIRMED");
            }
        }
        throw new IllegalStateException("order " + id + " not CONFIRMED within " + ORDER_DEADLINE);
    }

    /** The audit journal is fed by its own consumer, so the OrderConfirmed step may arrive a moment later. */
    private long confirmedSinceFirst(String id) throws Exception {
        long deadline = System.nanoTime() + ORDER_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = CONFIRMED_SINCE_FIRST.matcher(send(get(audit + "/audit/orders/" + id + "/timeline"), 200));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("audit timeline of " + id + " has no OrderConfirmed within " + ORDER_DEADLINE);
    }

    /** The four hops of {@link #HOPS} for one order, from its audit timeline. */
    private long[] hopTimes(String id) throws Exception {
        String timeline = send(get(audit + "/audit/orders/" + id + "/timeline"), 200);
        java.util.Map<String, Instant[]> events = new java.util.HashMap<>();
        Matcher m = TIMELINE_EVENT.matcher(timeline);
        while (m.find()) {
            events.putIfAbsent(m.group(1), new Instant[] {Instant.parse(m.group(2)), Instant.parse(m.group(3))});
        }
        Instant[] placed = events.get("OrderPlaced");
        Instant[] reserved = events.get("StockReserved");
        Instant[] confirmed = events.get("OrderConfirmed");
        if (placed == null || reserved == null || confirmed == null) {
            throw new IllegalStateException("timeline of " + id + " lacks OrderPlaced/StockReserved/OrderConfirmed: "
                    + timeline);
        }
        return new long[] {
                millisBetween(placed[0], placed[1]), millisBetween(placed[1], reserved[0]),
                millisBetween(reserved[0], reserved[1]), millisBetween(reserved[1], confirmed[0])};
    }

    private static long millisBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private long confirmedTotal() throws Exception {
        String page = send(get(orders + "/orders?status=CONFIRMED&page=0&size=1"), 200);
        return Long.parseLong(first(PAGE_TOTAL, page, "orders page without a total"));
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        return String.format(Locale.ROOT, "p50 %d  p95 %d  p99 %d  max %d  min %d  mean %.1f",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1), sorted.get(0), mean);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private String send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String first(Pattern pattern, String text, String failure) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(failure + ": " + text);
        }
        return m.group(1);
    }

    record Placed(String id, long confirmedAfterMs) {
    }
}
