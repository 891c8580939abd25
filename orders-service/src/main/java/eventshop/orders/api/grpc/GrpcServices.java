package eventshop.orders.api.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Server reflection, so grpcurl and other tools list and call the API without the .proto. Both the standard
 * {@code grpc.reflection.v1} and the older {@code v1alpha} that many tools still ask first. (The standard
 * {@code grpc.health.v1} health service comes with micronaut-grpc.)
 */
@Factory
class GrpcServices {

    @Singleton
    @Named("reflection-v1")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }

    @Singleton
    @Named("reflection-v1alpha")
    @SuppressWarnings("deprecation")
    BindableService reflectionAlpha() {
        return ProtoReflectionService.newInstance();
    }
}
