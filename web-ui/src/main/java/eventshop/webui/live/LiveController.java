package eventshop.webui.live;

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

    public LiveController(LiveHub hub) {
        this.hub = hub;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Flux<Event<LiveEvent>> stream() {
        Flux<Event<LiveEvent>> events = hub.stream().map(event -> Event.of(event).name(event.kind()));
        Flux<Event<LiveEvent>> heartbeats = Flux.interval(HEARTBEAT)
                .map(tick -> Event.of(LiveEvent.health("web-ui", "UP")).name("heartbeat"));
        // A first event at once: the browser sees the stream open (and the indicator turns "live") without waiting
        // for the next Kafka record.
        Flux<Event<LiveEvent>> hello = Flux.just(Event.of(LiveEvent.health("web-ui", "UP")).name("heartbeat"));
        return Flux.concat(hello, Flux.merge(events, heartbeats));
    }
}
