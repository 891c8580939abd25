package eventshop.orders.api.grpc;

import com.google.protobuf.Timestamp;
import eventshop.api.orders.v1.Customer;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderLine;
import eventshop.api.orders.v1.OrderStatusUpdate;
import eventshop.api.orders.v1.OrderSummary;
import eventshop.api.orders.v1.PlaceOrderRequest;
import eventshop.api.orders.v1.StatusChange;
import eventshop.orders.api.CustomerRequest;
import eventshop.orders.api.LineRequest;
import eventshop.orders.api.OrderView;
import eventshop.orders.domain.OrderStatus;
import eventshop.orders.persistence.OrderEntity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;

import java.time.Instant;
import java.util.UUID;

/**
 * Translates between the gRPC messages and the REST API's records, so both APIs share one validation (the records'
 * constraints) and one view of an order ({@link OrderView}).
 */
final class ProtoOrders {

    private ProtoOrders() {
    }

    /** Unset proto fields arrive as "" or 0, which the REST records' constraints refuse just like missing JSON. */
    static eventshop.orders.api.PlaceOrderRequest toRest(PlaceOrderRequest request) {
        CustomerRequest customer = request.hasCustomer()
                ? new CustomerRequest(request.getCustomer().getName(), request.getCustomer().getEmail()) : null;
        return new eventshop.orders.api.PlaceOrderRequest(customer, request.getLinesList().stream()
                .map(l -> new LineRequest(l.getSku(), l.getQuantity())).toList());
    }

    static Order toProto(OrderView view) {
        Order.Builder order = Order.newBuilder()
                .setId(view.id().toString())
                .setStatus(toProto(view.status()))
                .setStatusReason(nullToEmpty(view.statusReason()))
                .setCustomer(Customer.newBuilder().setName(view.customer().name()).setEmail(view.customer().email()))
                .setTotal(view.total().toPlainString())
                .setCurrency(view.currency())
                .setCreatedAt(timestamp(view.createdAt()))
                .setUpdatedAt(timestamp(view.updatedAt()))
                .setCancellable(view.links().cancel() != null);
        view.lines().forEach(l -> order.addLines(OrderLine.newBuilder().setSku(l.sku())
                .setProductName(l.productName()).setUnitPrice(l.unitPrice().toPlainString())
                .setQuantity(l.quantity()).setLineTotal(l.lineTotal().toPlainString())));
        view.history().forEach(h -> order.addHistory(StatusChange.newBuilder().setStatus(toProto(h.status()))
                .setAt(timestamp(h.at())).setReason(nullToEmpty(h.reason()))));
        return order.build();
    }

    static ListOrdersResponse toProto(Page<OrderEntity> page) {
        ListOrdersResponse.Builder response = ListOrdersResponse.newBuilder()
                .setPage(page.getPageNumber()).setPageSize(page.getSize()).setTotal(page.getTotalSize());
        page.getContent().forEach(o -> response.addOrders(OrderSummary.newBuilder().setId(o.id().toString())
                .setStatus(toProto(o.status())).setCustomerName(o.customerName()).setTotal(o.total().toPlainString())
                .setCurrency(o.currency()).setCreatedAt(timestamp(o.createdAt()))
                .setUpdatedAt(timestamp(o.updatedAt()))));
        return response.build();
    }

    static OrderStatusUpdate update(UUID orderId, OrderStatus status, @Nullable String reason, Instant at) {
        return OrderStatusUpdate.newBuilder().setOrderId(orderId.toString()).setStatus(toProto(status))
                .setReason(nullToEmpty(reason)).setAt(timestamp(at)).setFinal(OrderWatches.isFinal(status)).build();
    }

    static eventshop.api.orders.v1.OrderStatus toProto(OrderStatus status) {
        return eventshop.api.orders.v1.OrderStatus.valueOf("ORDER_STATUS_" + status.name());
    }

    /** {@code ORDER_STATUS_UNSPECIFIED} means no filter. */
    @Nullable
    static OrderStatus fromProto(eventshop.api.orders.v1.OrderStatus status) {
        return switch (status) {
            case ORDER_STATUS_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> OrderStatus.valueOf(status.name().substring("ORDER_STATUS_".length()));
        };
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
