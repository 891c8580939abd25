package eventshop.webui.live;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Fans live events out to every open page, and remembers the latest few so that a page opened now starts with a
 * filled ticker. A slow browser misses events rather than slowing the others (best effort: the next event or a
 * reload catches it up, since pages refetch their state instead of replaying events).
 */
@Singleton
public class LiveHub {

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final int recentSize;

    public LiveHub(@Value("${eventshop.live.recent-size:25}") int recentSize) {
        this.recentSize = recentSize;
    }

    /** Called from the Kafka consumer thread and the health poller; serialized because a sink takes one at a time. */
    public synchronized void publish(LiveEvent event) {
        if ("event".equals(event.kind())) {
            recent.addFirst(event);
            while (recent.size() > recentSize) {
                recent.removeLast();
            }
        }
        sink.tryEmitNext(event);
    }

    public synchronized List<LiveEvent> recent() {
        return new ArrayList<>(recent);
    }

    public Flux<LiveEvent> stream() {
        return sink.asFlux();
    }
}
