package eventshop.orders.api.grpc;

import eventshop.api.orders.v1.OrderServiceGrpc;
import eventshop.platform.security.AccountDirectory;
import eventshop.platform.security.Roles;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micronaut.security.authentication.BasicAuthUtils;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The gRPC twin of REST's {@code @Secured} on {@code GET /orders}: the list of every order holds every customer's name,
 * so {@code ListOrders} wants the same staff (or web-ui service) account, sent as {@code authorization: Basic ...}
 * metadata. Placing, reading, watching and cancelling one order by its id stay open, as over REST.
 */
@Singleton
public class StaffOnlyCalls implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> STAFF_ONLY = Set.of(OrderServiceGrpc.getListOrdersMethod().getFullMethodName());

    private final AccountDirectory accounts;

    public StaffOnlyCalls(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        if (!STAFF_ONLY.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        Optional<List<String>> roles = rolesOf(headers.get(AUTHORIZATION));
        if (roles.isEmpty()) {
            call.close(Status.UNAUTHENTICATED.withDescription("ListOrders shows every customer: staff only. Send "
                    + "'authorization: Basic <base64 of name:password>' of a staff account."), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        if (roles.get().stream().noneMatch(role -> role.equals(Roles.STAFF) || role.equals(Roles.SERVICE))) {
            call.close(Status.PERMISSION_DENIED.withDescription("ListOrders is for staff accounts"), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
    }

    private Optional<List<String>> rolesOf(String authorization) {
        return authorization == null ? Optional.empty() : BasicAuthUtils.parseCredentials(authorization)
                .flatMap(credentials -> accounts.verify(credentials.getUsername(), credentials.getPassword()));
    }
}
