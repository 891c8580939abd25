package eventshop.webui;

import com.google.protobuf.Timestamp;
import eventshop.api.orders.v1.Customer;
import eventshop.api.orders.v1.ListOrdersResponse;
import eventshop.api.orders.v1.Order;
import eventshop.api.orders.v1.OrderLine;
import eventshop.api.orders.v1.OrderStatus;
import eventshop.api.orders.v1.OrderSummary;
import eventshop.api.orders.v1.StatusChange;

import java.time.Instant;
import java.util.UUID;

/** Canned backend answers, shaped as the back-ends' HTTP APIs (their /openapi.yml) and orders-service's gRPC API. */
public final class Fixtures {

    public static final UUID ORDER_ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    public static final UUID XSS_ORDER_ID = UUID.fromString("66666666-7777-8888-9999-000000000000");
    public static final String XSS_NAME = "<script>alert(1)</script>";

    private Fixtures() {
    }

    public static String products() {
        return """
                [{"sku":"ESP","name":"Espresso","description":"Short and strong","price":2.50,"currency":"EUR",
                  "stock":40,"lowWaterMark":5,"lowStock":false},
                 {"sku":"MUG","name":"Shop mug","description":"Stoneware","price":9.00,"currency":"EUR",
                  "stock":2,"lowWaterMark":3,"lowStock":true}]""";
    }

    /** An order created at 10:00:00.000 whose status changed 300 ms later. */
    public static Order order(UUID id, String status, String customerName) {
        OrderStatus protoStatus = OrderStatus.valueOf("ORDER_STATUS_" + status);
        return Order.newBuilder().setId(id.toString()).setStatus(protoStatus)
                .setCustomer(Customer.newBuilder().setName(customerName).setEmail("ada@example.com"))
                .addLines(OrderLine.newBuilder().setSku("ESP").setProductName("Espresso").setUnitPrice("2.50")
                        .setQuantity(2).setLineTotal("5.00"))
                .setTotal("5.00").setCurrency("EUR")
                .setCreatedAt(at("2026-11-21T10:00:00Z")).setUpdatedAt(at("2026-11-21T10:00:00.300Z"))
                .addHistory(StatusChange.newBuilder().setStatus(OrderStatus.ORDER_STATUS_PENDING)
                        .setAt(at("2026-11-21T10:00:00Z")))
                .addHistory(StatusChange.newBuilder().setStatus(protoStatus).setAt(at("2026-11-21T10:00:00.300Z")))
                .setCancellable(true).build();
    }

    public static ListOrdersResponse orderPage() {
        return ListOrdersResponse.newBuilder().addOrders(OrderSummary.newBuilder().setId(ORDER_ID.toString())
                        .setStatus(OrderStatus.ORDER_STATUS_CONFIRMED).setCustomerName("Ada Lovelace").setTotal("5.00")
                        .setCurrency("EUR").setCreatedAt(at("2026-11-21T10:00:00Z"))
                        .setUpdatedAt(at("2026-11-21T10:00:00.300Z")))
                .setPage(0).setPageSize(50).setTotal(1).build();
    }

    private static Timestamp at(String instant) {
        Instant at = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    public static String timeline(UUID orderId) {
        return """
                {"orderId":"%1$s","events":[
                 {"eventId":"a0000000-0000-0000-0000-000000000001","type":"OrderPlaced","topic":"shop.orders",
                  "source":"orders-service","correlationId":"req-42","occurredAt":"2026-11-21T10:00:00.020Z",
                  "recordedAt":"2026-11-21T10:00:00.040Z","sinceFirstMs":0,"sincePreviousMs":0},
                 {"eventId":"a0000000-0000-0000-0000-000000000002","type":"StockReserved","topic":"shop.inventory",
                  "source":"inventory-notification-service","correlationId":"req-42",
                  "occurredAt":"2026-11-21T10:00:00.150Z","recordedAt":"2026-11-21T10:00:00.160Z",
                  "sinceFirstMs":130,"sincePreviousMs":130},
                 {"eventId":"a0000000-0000-0000-0000-000000000003","type":"OrderConfirmed","topic":"shop.orders",
                  "source":"orders-service","correlationId":"req-42","occurredAt":"2026-11-21T10:00:00.300Z",
                  "recordedAt":"2026-11-21T10:00:00.310Z","sinceFirstMs":280,"sincePreviousMs":150}]}"""
                .formatted(orderId);
    }

    /**
     * An OrderPlaced, an invalid record, the OrderPlaced again at a later offset (sent twice: resent) and once more,
     * republished by a replay.
     */
    public static String journal() {
        return """
                {"items":[
                 {"id":4,"topic":"shop.orders","partition":1,"offset":9,"key":"%1$s",
                  "eventId":"a0000000-0000-0000-0000-000000000001","type":"OrderPlaced","orderId":"%1$s",
                  "correlationId":"req-42","source":"orders-service","valid":true,"error":null,
                  "occurredAt":"2026-11-21T10:00:00Z","recordedAt":"2026-11-21T11:00:00Z","replayed":true,
                  "resent":false},
                 {"id":3,"topic":"shop.orders","partition":1,"offset":8,"key":"%1$s",
                  "eventId":"a0000000-0000-0000-0000-000000000001","type":"OrderPlaced","orderId":"%1$s",
                  "correlationId":"req-42","source":"orders-service","valid":true,"error":null,
                  "occurredAt":"2026-11-21T10:00:00Z","recordedAt":"2026-11-21T10:00:02Z","replayed":false,
                  "resent":true},
                 {"id":2,"topic":"shop.orders","partition":1,"offset":7,"key":"k","eventId":null,"type":null,
                  "orderId":null,"correlationId":null,"source":null,"valid":false,
                  "error":"MALFORMED_JSON: not a JSON event envelope","occurredAt":null,
                  "recordedAt":"2026-11-21T10:00:01Z","replayed":false,"resent":false},
                 {"id":1,"topic":"shop.orders","partition":1,"offset":6,"key":"%1$s",
                  "eventId":"a0000000-0000-0000-0000-000000000001","type":"OrderPlaced","orderId":"%1$s",
                  "correlationId":"req-42","source":"orders-service","valid":true,"error":null,
                  "occurredAt":"2026-11-21T10:00:00Z","recordedAt":"2026-11-21T10:00:00.040Z","replayed":false,
                  "resent":false}],
                 "page":0,"size":50,"total":4}""".formatted(ORDER_ID);
    }

    public static String stats() {
        return """
                {"total":2,"invalid":1,"byType":{"OrderPlaced":1}}""";
    }

    public static String notifications() {
        return """
                [{"id":"b0000000-0000-0000-0000-000000000001","audience":"CUSTOMER","recipient":"ada@example.com",
                  "channel":"EMAIL","subject":"Your order is confirmed","body":"Thank you, Ada.",
                  "orderId":"%s","createdAt":"2026-11-21T10:00:00.400Z"}]""".formatted(ORDER_ID);
    }
}
