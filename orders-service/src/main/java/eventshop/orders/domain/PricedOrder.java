package eventshop.orders.domain;

import java.math.BigDecimal;
import java.util.List;

public record PricedOrder(List<PricedLine> lines, BigDecimal total, String currency) {
}
