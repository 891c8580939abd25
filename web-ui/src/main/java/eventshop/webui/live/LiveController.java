package eventshop.webui.live;

import eventshop.webui.health.ServiceHealth;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.Flux;

import java.time.Duration;

/** {@code GET /live}: the Server-Sent Events stream every page listens to. */
@Controller("/live")
public class LiveController {

    /** Keeps idle connections open through proxies and lets the browser notice a dead server quickly. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final LiveHub hub;
    private final ServiceHealth health;

    public LiveController(LiveHub hub, ServiceHealth health) {
        this.hub = hub;
        this.health = health;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Flux<Event<LiveEvent>> stream() {
        Flux<Event<LiveEvent>> events = hub.stream().map(event -> Event.of(event).name(event.kind()));
        Flux<Event<LiveEvent>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> Event.of(LiveEvent.health("web-ui", "UP")).name("heartbeat"));
        // A first event at once, so the browser sees the stream open without waiting for the next Kafka record. It
        // is merged after the live events, so the hub subscription exists before the browser hears "open" (and then
        // refetches its regions): nothing falls between the page's render and the stream.
        // The hello also says how every backend is now: a page that was away (web-ui restarting, a network blip)
        // missed the changes in between, and its indicators would otherwise stay as they were.
        Flux<Event<LiveEvent>> hello = Flux.concat(
                Flux.just(Event.of(LiveEvent.health("web-ui", "UP")).name("heartbeat")),
                Flux.fromIterable(health.current()).map(service -> Event.of(
                        LiveEvent.health(service.name(), service.state().name())).name("health")));
        return Flux.merge(events, hello, heartbeats);
    }
}
