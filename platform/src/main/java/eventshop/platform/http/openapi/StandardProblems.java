package eventshop.platform.http.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: every operation documents the problems any request can meet — 500 (an unexpected failure: the body
 * names the request id to quote, never the cause) and 503 (a dependency such as the database is away). Operations add
 * their own: {@link InvalidRequestProblem} when they take parameters or a body, {@link BodyProblems},
 * {@link NotFoundProblem}, {@link ConflictProblem}. OpenApiContract (testing/) checks each service's description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "500", description = "An unexpected failure; quote the request id when reporting it.",
        content = @Content(mediaType = ProblemExamples.MEDIA_TYPE,
                schema = @Schema(implementation = ProblemDocument.class),
                examples = @ExampleObject(name = "failure", value = ProblemExamples.SERVER_ERROR)))
@ApiResponse(responseCode = "503", description = "A dependency (database, broker) is unavailable; retry later.",
        content = @Content(mediaType = ProblemExamples.MEDIA_TYPE,
                schema = @Schema(implementation = ProblemDocument.class),
                examples = @ExampleObject(name = "unavailable", value = ProblemExamples.UNAVAILABLE)))
public @interface StandardProblems {
}
