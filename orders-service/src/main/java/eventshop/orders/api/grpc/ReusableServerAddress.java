package eventshop.orders.api.grpc;

import io.grpc.ServerBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.netty.channel.ChannelOption;
import jakarta.inject.Singleton;

/**
 * The gRPC server binds its port with {@code SO_REUSEADDR}, as HTTP servers do: a restarted orders-service gets 50051
 * back at once even while connections of the previous process linger in TIME_WAIT, and a test's random port that a
 * closed client connection last used does not fail the bind.
 */
@Singleton
class ReusableServerAddress implements BeanCreatedEventListener<ServerBuilder<?>> {

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        if (event.getBean() instanceof NettyServerBuilder netty) {
            netty.withOption(ChannelOption.SO_REUSEADDR, true);
        }
        return event.getBean();
    }
}
