package eventshop.platform.messaging;

/** A database call of the platform's own failed; the cause says whether it is worth retrying (it nearly always is). */
public class ProcessingFailedException extends RuntimeException {

    public ProcessingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
