package eventshop.webui.orders;

import eventshop.events.OrderLine;
import eventshop.webui.forms.WholeNumber;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * The order form as typed, shaped like orders-service's PlaceOrder request so that a field's path is the same in
 * both ({@code customer.email}, {@code lines[1].quantity}): a refusal from orders-service lands on the field Bean
 * Validation would have marked. Everything stays a string so that whatever was typed (even "abc" as a quantity) can
 * be shown again next to its error.
 */
@Introspected
public record OrderForm(@Valid Customer customer, @NotEmpty(message = "Add at least one product.") List<@Valid Line> lines) {

    @Introspected
    public record Customer(@NotBlank(message = "Please enter your name.") @Size(max = 100, message = "At most 100 characters.") String name,
                           @NotBlank(message = "Please enter your e-mail address.") @Email(message = "This is not an e-mail address.") String email) {
    }

    /** A line's quantity follows orders-service's rule, from the one constant both use. */
    @Introspected
    public record Line(@NotBlank(message = "Choose a product.") String sku,
                       @NotBlank(message = "Enter a quantity.") @WholeNumber(min = 1, max = OrderLine.MAX_QUANTITY) String quantity) {

        public int quantityValue() {
            return Integer.parseInt(quantity.trim());
        }
    }

    public static OrderForm blank() {
        return new OrderForm(new Customer("", ""), List.of(new Line("", "1")));
    }

    /** The form as the page shows it: at least one line to fill in. */
    public OrderForm withALine() {
        return lines.isEmpty() ? new OrderForm(customer, blank().lines()) : this;
    }

    /**
     * The form fields as posted: {@code sku} and {@code quantity} repeat once per line, in order;
     * {@code idempotencyKey} is the hidden field that makes a second submit of the same form harmless.
     */
    @Serdeable
    public record Submitted(@Nullable String name, @Nullable String email, @Nullable List<String> sku,
                            @Nullable List<String> quantity, @Nullable String idempotencyKey) {

        /** The lines paired up, a line with neither product nor quantity left out. */
        public OrderForm toForm() {
            List<String> skus = sku == null ? List.of() : sku;
            List<String> quantities = quantity == null ? List.of() : quantity;
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < Math.max(skus.size(), quantities.size()); i++) {
                String s = i < skus.size() ? skus.get(i).trim() : "";
                String q = i < quantities.size() ? quantities.get(i) : "";
                if (!s.isEmpty() || !q.isBlank()) {
                    lines.add(new Line(s, q));
                }
            }
            return new OrderForm(new Customer(name == null ? "" : name.trim(), email == null ? "" : email.trim()),
                    lines);
        }
    }
}
