package eventshop.analytics.domain;

/** The figures are being rebuilt from Kafka (the streams are starting or rebalancing); asking again soon works. */
public final class FiguresNotReadyException extends DomainException {

    public FiguresNotReadyException(String why) {
        super("The sales figures are being rebuilt from Kafka (" + why + "); try again in a few seconds.");
    }
}
