package eventshop.audit.domain;

/** A replay whose selection matches more events than one replay republishes. */
public final class ReplayTooLargeException extends DomainException {

    public ReplayTooLargeException(String selection, int maxEvents) {
        super("The selection " + selection + " matches more than " + maxEvents
                + " events; narrow it (orderId, type, from/to)");
    }
}
