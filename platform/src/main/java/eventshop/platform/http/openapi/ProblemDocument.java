package eventshop.platform.http.openapi;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The shape of every error body of the back-end APIs (RFC 7807 {@code application/problem+json}, written by
 * micronaut-problem-json through {@code ProblemResponses}), for the OpenAPI description only: no code builds one.
 */
@Schema(name = "Problem", description = "An RFC 7807 problem: every 4xx and 5xx of this API has this body.")
public record ProblemDocument(
        @Schema(description = "A URI naming the kind of problem; about:blank when the status says it all.",
                example = "about:blank", nullable = true) String type,
        @Schema(description = "Short summary of the kind of problem.", example = "Not Found") String title,
        @Schema(description = "The HTTP status code.", example = "404") int status,
        @Schema(description = "What went wrong with this request and, where it helps, what to do.",
                example = "No order 3f2b7c1e-8d4a-4e7b-9a51-2c6f0e9d1a77", nullable = true) String detail,
        @ArraySchema(arraySchema = @Schema(description = "For a request that fails validation: each invalid field, "
                + "named as the client wrote it (lines[1].quantity), with what is wrong.", nullable = true))
        List<FieldViolation> violations) {

    /** One invalid field of a request. */
    @Schema(name = "Violation")
    public record FieldViolation(
            @Schema(description = "The field, as the client wrote it.", example = "lines[0].quantity") String field,
            @Schema(description = "What is wrong with it.", example = "must be less than or equal to 100")
            String message) {
    }
}
