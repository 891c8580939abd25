package eventshop.cli;

import eventshop.api.orders.v1.GetOrderRequest;
import eventshop.api.orders.v1.Order;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "order-status", mixinStandardHelpOptions = true,
        description = "One order: its status, lines and every status it went through.",
        footerHeading = "%nExample:%n", footer = "  eventshop order-status 5f0c2a6e-1b7d-4c3e-9a51-0d8f6b2e4c11")
public class OrderStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "ID", description = "The order id.")
    String orderId;

    @Override
    public Integer call() throws Exception {
        try (OrdersApi api = new OrdersApi(endpoints.orders)) {
            print(api.call().getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build()),
                    spec.commandLine().getOut());
            return 0;
        } catch (StatusRuntimeException e) {
            return OrdersApi.explain(e, spec.commandLine().getErr());
        }
    }

    static void print(Order order, PrintWriter out) {
        out.printf("order %s %s%s%n", order.getId(), OrdersApi.status(order.getStatus()),
                order.getStatusReason().isEmpty() ? "" : " (" + order.getStatusReason() + ")");
        out.printf("customer %s <%s>%n", order.getCustomer().getName(), order.getCustomer().getEmail());
        order.getLinesList().forEach(l -> out.printf("  %3d × %-24s %-10s %10s%n", l.getQuantity(),
                l.getProductName(), l.getSku(), l.getLineTotal()));
        out.printf("total %s %s%n", order.getTotal(), order.getCurrency());
        order.getHistoryList().forEach(h -> out.printf("  %s  %s%s%n", OrdersApi.time(h.getAt()),
                OrdersApi.status(h.getStatus()), h.getReason().isEmpty() ? "" : "  " + h.getReason()));
    }
}
