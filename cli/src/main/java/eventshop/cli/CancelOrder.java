package eventshop.cli;

import eventshop.api.orders.v1.CancelOrderRequest;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a PENDING or CONFIRMED order; inventory then releases its stock.",
        footerHeading = "%nExample:%n",
        footer = {"  eventshop cancel 5f0c2a6e-1b7d-4c3e-9a51-0d8f6b2e4c11 --reason 'ordered twice'",
                "", "Exit codes: 0 cancelled, 3 refused (unknown order, or already REJECTED or CANCELLED)."})
public class CancelOrder implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "ID", description = "The order id.")
    String orderId;

    @Option(names = "--reason", description = "Why (default: the service's \"Cancelled by customer\").")
    String reason;

    @Override
    public Integer call() throws Exception {
        try (OrdersApi api = new OrdersApi(endpoints.orders)) {
            OrderStatusCommand.print(api.call().cancelOrder(CancelOrderRequest.newBuilder().setOrderId(orderId)
                    .setReason(reason == null ? "" : reason).build()), spec.commandLine().getOut());
            return 0;
        } catch (StatusRuntimeException e) {
            return OrdersApi.explain(e, spec.commandLine().getErr());
        }
    }
}
