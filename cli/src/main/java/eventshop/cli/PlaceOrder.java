package eventshop.cli;

import eventshop.api.orders.v1.Customer;
import eventshop.api.orders.v1.LineItem;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderStatus;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.WatchOrderRequest;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

@Command(name = "order", mixinStandardHelpOptions = true,
        description = "Place an order over gRPC; with --watch, follow its status until it is CONFIRMED or REJECTED.",
        footerHeading = "%nExamples:%n",
        footer = {"  eventshop order --name Ada --email ada@example.com --sku ESP-001 --qty 2 --watch",
                "  eventshop order --name Ada --email ada@example.com --sku ESP-001 --qty 1 --sku MUG-001 --qty 1",
                "",
                "Exit codes: 0 placed (with --watch: CONFIRMED), 3 refused (each bad field is printed),",
                "4 REJECTED or CANCELLED while watching, 5 orders-service not reachable or too slow."})
public class PlaceOrder implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--name", required = true, description = "The customer's name.")
    String name;

    @Option(names = "--email", required = true, description = "The customer's e-mail address.")
    String email;

    @Option(names = "--sku", required = true, description = "A product (repeat for more lines, each with --qty).")
    List<String> skus;

    @Option(names = "--qty", required = true, description = "How many of the --sku at the same position.")
    List<Integer> quantities;

    @Option(names = "--watch", description = "Print each status change as it happens; exit when the order is final.")
    boolean watch;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long --watch waits for a final status (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Makes a retry of this exact order return the first one instead of placing another.")
    String idempotencyKey;

    @Override
    public Integer call() throws Exception {
        if (skus.size() != quantities.size()) {
            throw new ParameterException(spec.commandLine(), "give one --qty for each --sku (" + skus.size()
                    + " SKUs, " + quantities.size() + " quantities)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlaceOrderRequest.Builder request = PlaceOrderRequest.newBuilder()
                .setCustomer(Customer.newBuilder().setName(name).setEmail(email));
        for (int i = 0; i < skus.size(); i++) {
            request.addLines(LineItem.newBuilder().setSku(skus.get(i)).setQuantity(quantities.get(i)));
        }
        Metadata metadata = new Metadata();
        if (idempotencyKey != null) {
            metadata.put(OrdersApi.IDEMPOTENCY_KEY, idempotencyKey);
        }
        try (OrdersApi api = new OrdersApi(endpoints.orders)) {
            Order order = api.call(metadata).placeOrder(request.build());
            out.printf("order %s %s: %s %s (request id %s)%n", order.getId(), OrdersApi.status(order.getStatus()),
                    order.getTotal(), order.getCurrency(), api.requestId());
            out.flush();
            return watch ? follow(api, order.getId(), out) : 0;
        } catch (StatusRuntimeException e) {
            return OrdersApi.explain(e, err);
        }
    }

    private int follow(OrdersApi api, String orderId, PrintWriter out) {
        Iterator<OrderStatusUpdate> updates = api.watch().withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
                .watchOrder(WatchOrderRequest.newBuilder().setOrderId(orderId).build());
        OrderStatus last = OrderStatus.ORDER_STATUS_UNSPECIFIED;
        while (updates.hasNext()) {
            OrderStatusUpdate update = updates.next();
            last = update.getStatus();
            out.printf("%s  %s%s%n", OrdersApi.time(update.getAt()), OrdersApi.status(last),
                    update.getReason().isEmpty() ? "" : "  " + update.getReason());
            out.flush();
        }
        return last == OrderStatus.ORDER_STATUS_CONFIRMED ? 0 : EventShop.ORDER_NOT_CONFIRMED;
    }
}
