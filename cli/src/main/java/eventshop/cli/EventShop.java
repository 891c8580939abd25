package eventshop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code eventshop}: the shop from a terminal. Orders go to orders-service over gRPC; {@code tail} and
 * {@code monitor} read Kafka directly, as any other consumer would (without a consumer group of their own, so they
 * never disturb the services' groups).
 */
@Command(name = "eventshop", mixinStandardHelpOptions = true, version = "eventshop 1.0",
        usageHelpWidth = 120, scope = CommandLine.ScopeType.INHERIT,
        description = "Event Shop from the terminal: place and follow orders over gRPC, tail topics, monitor the flow.",
        subcommands = {PlaceOrder.class, ListOrders.class, OrderStatusCommand.class, CancelOrder.class, Tail.class,
                Monitor.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  eventshop order --name Ada --email ada@example.com --sku ESP-001 --qty 2 --watch",
                "  eventshop orders --status PENDING",
                "  eventshop order-status ORDER_ID ; eventshop cancel ORDER_ID",
                "  eventshop tail --topic shop.orders --from-beginning --max 10 | jq .envelope.type",
                "  eventshop monitor            (q quits; --plain for one line per interval)",
                "",
                "Exit codes: 0 done (an order CONFIRMED), 2 bad usage, " + EventShop.REFUSED
                        + " refused by orders-service (the reason is printed), " + EventShop.ORDER_NOT_CONFIRMED
                        + " the watched order ended REJECTED or CANCELLED, " + EventShop.UNREACHABLE
                        + " a service or Kafka could not be reached in time."})
public class EventShop {

    static final int REFUSED = 3;
    static final int ORDER_NOT_CONFIRMED = 4;
    static final int UNREACHABLE = 5;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new EventShop()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
