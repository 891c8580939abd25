package eventshop.webui.orders;

import eventshop.api.orders.v1.OrderStatus;

import java.util.Arrays;
import java.util.List;

/**
 * The order statuses as the pages name them ({@code CONFIRMED}), read off orders-service's gRPC enum
 * ({@code ORDER_STATUS_CONFIRMED}): the one list of statuses web-ui knows.
 */
public final class OrderStatuses {

    private static final String PREFIX = "ORDER_STATUS_";

    /** Every status an order can have, in the enum's order. */
    public static final List<String> ALL = Arrays.stream(OrderStatus.values())
            .filter(s -> s != OrderStatus.ORDER_STATUS_UNSPECIFIED && s != OrderStatus.UNRECOGNIZED)
            .map(OrderStatuses::nameOf).toList();

    private OrderStatuses() {
    }

    static String nameOf(OrderStatus status) {
        return status.name().startsWith(PREFIX) ? status.name().substring(PREFIX.length()) : status.name();
    }

    /** @param name one of {@link #ALL} */
    static OrderStatus toProto(String name) {
        return OrderStatus.valueOf(PREFIX + name);
    }
}
