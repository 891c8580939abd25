package eventshop.audit.domain;

/** A replay whose selection matches no event that may be replayed. */
public final class NothingToReplayException extends DomainException {

    /** @param unreplayable records that matched but are never replayed (invalid records, dead letters) */
    public NothingToReplayException(String selection, long unreplayable) {
        super("No journaled event to replay matches " + selection + (unreplayable > 0 ? "; " + unreplayable
                + " matching records are invalid or dead letters, which are never replayed" : ""));
    }
}
