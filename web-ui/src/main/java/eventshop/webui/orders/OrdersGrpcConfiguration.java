package eventshop.webui.orders;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code eventshop.orders-grpc.*}: how long web-ui waits for orders-service's gRPC API. The channel itself (address,
 * plaintext) is {@code grpc.channels.orders.*}, like the HTTP services' {@code micronaut.http.services.*}.
 *
 * @param deadline     every command and read: a slow or dead backend must give a banner within seconds
 * @param watchTimeout how long an open order page follows the order's status before it lets go (the page's
 *                     reconnect starts a new watch)
 */
@ConfigurationProperties("eventshop.orders-grpc")
public record OrdersGrpcConfiguration(Duration deadline, Duration watchTimeout) {
}
