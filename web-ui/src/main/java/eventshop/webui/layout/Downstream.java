package eventshop.webui.layout;

import io.grpc.StatusRuntimeException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Calls a backend for something a page shows and turns every kind of failure (refused, timed out, 5xx) into a
 * sentence for the page's banner, so that a dead service degrades a page instead of breaking it.
 */
@Singleton
public class Downstream {

    private static final Logger LOG = LoggerFactory.getLogger(Downstream.class);

    public <T> Fetched<T> fetch(String service, Supplier<T> call) {
        try {
            return Fetched.of(call.get());
        } catch (HttpClientResponseException e) {
            if (e.getStatus().getCode() < 300) {
                LOG.warn("{} answered something this page cannot read: {}", service, e.getMessage());
                return Fetched.unavailable(service + " gave an answer this page cannot read.");
            }
            LOG.warn("{} answered {} {}", service, e.getStatus().getCode(), e.getMessage());
            return Fetched.unavailable(service + " answered with an error (" + e.getStatus().getCode() + ").");
        } catch (ReadTimeoutException e) {
            LOG.warn("{} did not answer in time", service);
            return Fetched.unavailable(service + " is too slow to answer right now.");
        } catch (HttpClientException e) {
            LOG.warn("{} is unreachable: {}", service, e.getMessage());
            return Fetched.unavailable(service + " is not reachable right now.");
        } catch (StatusRuntimeException e) {
            LOG.warn("{} answered {} over gRPC", service, e.getStatus());
            return Fetched.unavailable(switch (e.getStatus().getCode()) {
                case UNAVAILABLE -> service + " is not reachable right now.";
                case DEADLINE_EXCEEDED -> service + " is too slow to answer right now.";
                default -> service + " answered with an error (" + e.getStatus().getCode() + ").";
            });
        }
    }
}
