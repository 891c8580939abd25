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
 * On an operation that takes parameters or a body (on a controller: on each of its operations): 400 when a value
 * cannot be read or fails validation, {@code violations} naming each field as the client wrote it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "The request cannot be read or fails validation; `violations` "
        + "names each invalid field.", content = @Content(mediaType = ProblemExamples.MEDIA_TYPE,
        schema = @Schema(implementation = ProblemDocument.class),
        examples = @ExampleObject(name = "invalid field", value = ProblemExamples.BAD_REQUEST)))
public @interface InvalidRequestProblem {
}
