package eventshop.orders.service;

import eventshop.orders.domain.RequestedLine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A validated request for an order, before pricing. */
public record NewOrder(String customerName, String customerEmail, List<RequestedLine> lines) {

    /** A digest of what was asked, to tell a genuine retry from a different request reusing an Idempotency-Key. */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder().append(customerName).append('\u0000').append(customerEmail);
        lines.forEach(l -> canonical.append('\u0000').append(l.sku()).append('*').append(l.quantity()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
