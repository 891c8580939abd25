package eventshop.orders.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The request is well-formed but cannot become an order; each offending field is named. */
public final class InvalidOrderException extends DomainException {

    private final List<FieldError> errors;

    public InvalidOrderException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
