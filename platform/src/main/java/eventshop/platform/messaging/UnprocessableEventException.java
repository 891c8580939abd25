package eventshop.platform.messaging;

/**
 * A well-formed event that can never be applied (an impossible state transition, an unknown order). Unlike a
 * transient failure it is not retried: the record goes to the dead-letter topic and the consumer moves on.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }
}
