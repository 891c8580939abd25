package eventshop.webui.orders;

import eventshop.events.OrderLine;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * The order form as typed. Everything stays a string so that whatever was typed (even "abc" as a quantity) can be
 * shown again next to its error.
 */
@Introspected
public record OrderForm(@NotBlank(message = "Please enter your name.") @Size(max = 100, message = "At most 100 characters.") String name,
                        @NotBlank(message = "Please enter your e-mail address.") @Email(message = "This is not an e-mail address.") String email,
                        @NotEmpty(message = "Add at least one product.") List<@Valid Line> lines) {

    @Introspected
    public record Line(@NotBlank(message = "Choose a product.") String sku,
                       @NotBlank(message = "Enter a quantity.") @Pattern(regexp = "\\s*[0-9]{1,9}\\s*", message = QUANTITY_RULE) String quantity) {

        public int quantityValue() {
            return Integer.parseInt(quantity.trim());
        }

        /** Whether a typed whole number is within orders-service's range (what {@code @Pattern} cannot say). */
        public boolean quantityInRange() {
            if (quantity == null || !quantity.matches("\\s*[0-9]{1,9}\\s*")) {
                return true;  // blank or not a number: the field's own constraints say so
            }
            int value = quantityValue();
            return value >= 1 && value <= OrderLine.MAX_QUANTITY;
        }
    }

    /** orders-service's rule for a line's quantity, from the one constant both use. */
    public static final String QUANTITY_RULE = "A whole number from 1 to " + OrderLine.MAX_QUANTITY + ".";

    public static OrderForm blank() {
        return new OrderForm("", "", List.of(new Line("", "1")));
    }

    /**
     * The form fields as posted: {@code sku} and {@code quantity} repeat once per line, in order;
     * {@code idempotencyKey} is the hidden field that makes a second submit of the same form harmless.
     */
    @Serdeable
    public record Submitted(@Nullable String name, @Nullable String email, @Nullable List<String> sku,
                            @Nullable List<String> quantity, @Nullable String idempotencyKey) {

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
            return new OrderForm(name == null ? "" : name.trim(), email == null ? "" : email.trim(), lines);
        }
    }
}
