package eventshop.webui.live;

import eventshop.webui.health.ServiceHealth;
import eventshop.webui.orders.OrdersGateway;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.UUID;

/**
 * {@code GET /live}: the Server-Sent Events stream every page listens to. An order's page asks
 * {@code /live?order=ID} and also gets that order's status straight from orders-service's WatchOrder stream.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/live")
public class LiveController {

    /** Keeps idle connections open through proxies and lets the browser notice a dead server quickly. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final LiveHub hub;
    private final ServiceHealth health;
    private final OrdersGateway orders;

    public LiveController(LiveHub hub, ServiceHealth health, OrdersGateway orders) {
        this.hub = hub;
        this.health = health;
        this.orders = orders;
    }

    /** Staff see customers whole, everyone else masked: each subscriber gets its own view of the same events. */
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Flux<Event<LiveEvent>> stream(@Nullable Authentication staffMember, @Nullable @QueryValue UUID order) {
        Flux<Event<LiveEvent>> events = hub.stream()
                .map(event -> staffMember != null ? event.forStaff() : event.forPublic())
                .map(event -> Event.of(event).name(event.kind()));
        // At once and then with every heartbeat: "web-ui is up" and how every backend is now. The first one lets the
        // browser see the stream open without waiting for the next Kafka record; merged after the live events, the
        // hub subscription exists before the browser hears "open" (and refetches its regions), so nothing falls
        // between the page's render and the stream. The health snapshot is read at each tick, not when this method
        // runs: a page that missed a change (web-ui restarting, a network blip, a change published in the instant
        // before this subscription, or dropped for a slow browser by the best-effort hub) is right again within
        // one heartbeat instead of keeping a stale dot until the backend changes once more.
        Flux<Event<LiveEvent>> snapshots = Flux.interval(Duration.ZERO, HEARTBEAT).onBackpressureDrop().concatMap(tick -> snapshot());
        return Flux.merge(events, snapshots, watch(order));
    }

    /**
     * The order's status now and at each change, until it is final. If orders-service cannot be watched, the page
     * still follows the order through the Kafka events above; a reconnect of the page watches again.
     */
    private Flux<Event<LiveEvent>> watch(@Nullable UUID order) {
        if (order == null) {
            return Flux.empty();
        }
        return orders.watch(order)
                .map(change -> Event.of(LiveEvent.orderStatus(change.orderId().toString(), change.status(),
                        change.reason())).name("status"))
                .onErrorResume(e -> Flux.empty());
    }

    private Flux<Event<LiveEvent>> snapshot() {
        return Flux.concat(
                Flux.just(Event.of(LiveEvent.health("web-ui", "UP")).name("heartbeat")),
                Flux.fromIterable(health.current()).map(service -> Event.of(
                        LiveEvent.health(service.name(), service.state().name())).name("health")));
    }
}
