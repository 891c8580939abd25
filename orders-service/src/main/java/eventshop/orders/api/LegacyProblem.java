package eventshop.orders.api;

import io.micronaut.problem.violations.Violation;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A refusal of the legacy API: an RFC 7807 problem (type, title, status, detail, violations) that also carries the
 * original API's {@code success:false} and {@code msg}, so old clients and new ones both understand it.
 */
@Serdeable
public record LegacyProblem(String type, String title, int status, String detail, boolean success, String msg,
                            List<Violation> violations) {

    static LegacyProblem badRequest(String message, List<Violation> violations) {
        return new LegacyProblem("about:blank", "Bad Request", 400, message, false, message, violations);
    }
}
