package eventshop.audit.messaging;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Kafka's id of each topic, the part of a record's identity that its name and offsets lack: a topic deleted and created
 * again, or the same name on another broker (a wiped {@code local-stack/data}, a new compose volume, a second checkout
 * sharing the database), starts again at offset 0 under a new id. Without it the journal would take those records for
 * redeliveries and skip them.
 * <p>
 * Ids are looked up once per topic and asked again ({@link #refresh}) when a record seems to be there already.
 */
@Singleton
public class TopicIdentities {

    private final Admin admin;
    private final Map<String, UUID> ids = new ConcurrentHashMap<>();

    /** @param admin micronaut-kafka's client of the service's own Kafka settings, closed with the context */
    public TopicIdentities(AdminClient admin) {
        this.admin = admin;
    }

    /** The ids of these topics, from the cache or, for the ones not seen yet, from the broker in one request. */
    public Map<String, UUID> of(Set<String> topics) {
        Set<String> unknown = topics.stream().filter(topic -> !ids.containsKey(topic))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            describe(unknown).forEach((topic, description) -> ids.put(topic, uuid(description.topicId())));
        }
        return topics.stream().collect(Collectors.toMap(topic -> topic, ids::get));
    }

    /** The ids the broker gives these topics now, remembered from here on. */
    public Map<String, UUID> refresh(Set<String> topics) {
        topics.forEach(ids::remove);
        return of(topics);
    }

    private Map<String, TopicDescription> describe(Set<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            // Transient (broker away): the batch fails before anything is written and is retried.
            throw new IllegalStateException("cannot describe topics " + topics + ": " + e, e);
        }
    }

    private static UUID uuid(Uuid id) {
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
