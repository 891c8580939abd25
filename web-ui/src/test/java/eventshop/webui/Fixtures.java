package eventshop.webui;

import java.util.UUID;

/** Canned backend answers, shaped as CONVENTIONS.md's HTTP APIs. */
final class Fixtures {

    static final UUID ORDER_ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final UUID XSS_ORDER_ID = UUID.fromString("66666666-7777-8888-9999-000000000000");
    static final String XSS_NAME = "<script>alert(1)</script>";

    private Fixtures() {
    }

    static String products() {
        return """
                [{"sku":"ESP","name":"Espresso","description":"Short and strong","price":2.50,"currency":"EUR",
                  "stock":40,"lowWaterMark":5,"lowStock":false},
                 {"sku":"MUG","name":"Shop mug","description":"Stoneware","price":9.00,"currency":"EUR",
                  "stock":2,"lowWaterMark":3,"lowStock":true}]""";
    }

    static String order(UUID id, String status, String customerName) {
        return """
                {"id":"%s","status":"%s","customer":{"name":"%s","email":"ada@example.com"},
                 "lines":[{"sku":"ESP","productName":"Espresso","unitPrice":2.50,"quantity":2,"lineTotal":5.00}],
                 "total":5.00,"currency":"EUR","createdAt":"2026-11-21T10:00:00Z","updatedAt":"2026-11-21T10:00:00.300Z",
                 "statusReason":null,"links":{"self":"/orders/%1$s","cancel":"/orders/%1$s/cancel"},
                 "history":[{"status":"PENDING","at":"2026-11-21T10:00:00Z","reason":null},
                            {"status":"%s","at":"2026-11-21T10:00:00.300Z","reason":null}]}"""
                .formatted(id, status, customerName.replace("\\", "\\\\").replace("\"", "\\\""), status);
    }

    static String orderPage() {
        return """
                {"items":[{"id":"%s","status":"CONFIRMED","customerName":"Ada Lovelace","total":5.00,
                           "currency":"EUR","createdAt":"2026-11-21T10:00:00Z"}],"page":0,"size":50,"total":1}"""
                .formatted(ORDER_ID);
    }

    static String timeline(UUID orderId) {
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

    static String journal() {
        return """
                {"items":[
                 {"id":2,"topic":"shop.orders","partition":1,"offset":7,"key":"k","eventId":null,"type":null,
                  "orderId":null,"correlationId":null,"source":null,"valid":false,
                  "error":"MALFORMED_JSON: not a JSON event envelope","occurredAt":null,
                  "recordedAt":"2026-11-21T10:00:01Z"},
                 {"id":1,"topic":"shop.orders","partition":1,"offset":6,"key":"%1$s",
                  "eventId":"a0000000-0000-0000-0000-000000000001","type":"OrderPlaced","orderId":"%1$s",
                  "correlationId":"req-42","source":"orders-service","valid":true,"error":null,
                  "occurredAt":"2026-11-21T10:00:00Z","recordedAt":"2026-11-21T10:00:00.040Z"}],
                 "page":0,"size":50,"total":2}""".formatted(ORDER_ID);
    }

    static String stats() {
        return """
                {"total":2,"invalid":1,"byType":{"OrderPlaced":1}}""";
    }

    static String notifications() {
        return """
                [{"id":"b0000000-0000-0000-0000-000000000001","audience":"CUSTOMER","recipient":"ada@example.com",
                  "channel":"EMAIL","subject":"Your order is confirmed","body":"Thank you, Ada.",
                  "orderId":"%s","createdAt":"2026-11-21T10:00:00.400Z"}]""".formatted(ORDER_ID);
    }
}
