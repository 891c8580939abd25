package eventshop.webui.health;

import eventshop.webui.live.LiveEvent;
import eventshop.webui.live.LiveHub;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Polls each backend's {@code /health} in the background, so that pages show the indicators without waiting on a
 * dead service, and pushes changes to open pages.
 */
@Singleton
public class ServiceHealth {

    private final Map<String, HttpClient> clients = new LinkedHashMap<>();
    private final Map<String, ServiceStatus> statuses = new LinkedHashMap<>();
    private final LiveHub liveHub;

    public ServiceHealth(@Client(id = "orders") HttpClient orders, @Client(id = "inventory") HttpClient inventory,
                         @Client(id = "audit") HttpClient audit, @Client(id = "analytics") HttpClient analytics,
                         LiveHub liveHub) {
        this.liveHub = liveHub;
        clients.put("orders-service", orders);
        clients.put("inventory-notification-service", inventory);
        clients.put("audit-service", audit);
        clients.put("analytics-service", analytics);
        clients.keySet().forEach(name -> statuses.put(name, new ServiceStatus(name, ServiceStatus.State.UNKNOWN)));
    }

    public synchronized List<ServiceStatus> current() {
        return new ArrayList<>(statuses.values());
    }

    @Scheduled(fixedDelay = "${eventshop.health.poll-interval:5s}", initialDelay = "1s")
    void poll() {
        clients.forEach((name, client) -> record(new ServiceStatus(name, probe(client))));
    }

    private static ServiceStatus.State probe(HttpClient client) {
        try {
            client.toBlocking().exchange("/health");
            return ServiceStatus.State.UP;
        } catch (RuntimeException e) {
            return ServiceStatus.State.DOWN;
        }
    }

    private void record(ServiceStatus status) {
        ServiceStatus previous;
        synchronized (this) {
            previous = statuses.put(status.name(), status);
        }
        if (previous == null || previous.state() != status.state()) {
            liveHub.publish(LiveEvent.health(status.name(), status.state().name()));
        }
    }
}
