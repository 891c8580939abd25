package eventshop.cli;

import eventshop.api.orders.v1.ListOrdersRequest;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.OrderStatus;
import eventshop.api.orders.v1.OrderSummary;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Callable;

@Command(name = "orders", mixinStandardHelpOptions = true, description = "List orders, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  eventshop orders", "  eventshop orders --status REJECTED --size 100"})
public class ListOrders implements Callable<Integer> {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    enum Status { PENDING, CONFIRMED, REJECTED, CANCELLED }

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--status", description = "Only orders with this status: ${COMPLETION-CANDIDATES}.")
    Status status;

    @Option(names = "--user", defaultValue = "staff",
            description = "Staff account: the list holds every customer's name (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "${env:EVENTSHOP_STAFF_PASSWORD:-staff-demo}",
            description = "Its password (default: $EVENTSHOP_STAFF_PASSWORD, else the local run modes' staff-demo).")
    String password;

    @Option(names = "--page", defaultValue = "0", description = "Page, from 0 (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Orders per page, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ListOrdersRequest.Builder request = ListOrdersRequest.newBuilder().setPage(page).setPageSize(size);
        if (status != null) {
            request.setStatus(OrderStatus.valueOf("ORDER_STATUS_" + status.name()));
        }
        try (OrdersApi api = new OrdersApi(endpoints.orders)) {
            Metadata credentials = new Metadata();
            credentials.put(AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            ListOrdersResponse response = api.call(credentials).listOrders(request.build());
            out.printf("%-36s  %-9s  %-12s  %10s  %s%n", "ID", "STATUS", "CREATED", "TOTAL", "CUSTOMER");
            for (OrderSummary o : response.getOrdersList()) {
                out.printf("%-36s  %-9s  %-12s  %10s  %s%n", o.getId(), OrdersApi.status(o.getStatus()),
                        OrdersApi.time(o.getCreatedAt()), o.getTotal() + " " + o.getCurrency(), o.getCustomerName());
            }
            out.printf("%d of %d (page %d)%n", response.getOrdersCount(), response.getTotal(), response.getPage());
            return 0;
        } catch (StatusRuntimeException e) {
            return OrdersApi.explain(e, spec.commandLine().getErr());
        }
    }
}
