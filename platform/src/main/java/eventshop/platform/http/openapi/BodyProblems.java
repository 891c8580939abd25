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
 * On an operation that takes a JSON body: 400 when it cannot be read or fails validation (each field named), 413 when
 * it is over the size limit, 415 when it is not JSON.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "400", description = "The body cannot be read or fails validation; `violations` "
        + "names each invalid field.", content = @Content(mediaType = ProblemExamples.MEDIA_TYPE,
        schema = @Schema(implementation = ProblemDocument.class),
        examples = @ExampleObject(name = "invalid field", value = ProblemExamples.BAD_REQUEST)))
@ApiResponse(responseCode = "413", description = "The body is larger than the server accepts (64 KiB).",
        content = @Content(mediaType = ProblemExamples.MEDIA_TYPE,
                schema = @Schema(implementation = ProblemDocument.class),
                examples = @ExampleObject(name = "too large", value = ProblemExamples.TOO_LARGE)))
@ApiResponse(responseCode = "415", description = "The body is not application/json.", content = @Content(
        mediaType = ProblemExamples.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
        examples = @ExampleObject(name = "not JSON", value = ProblemExamples.UNSUPPORTED_MEDIA_TYPE)))
public @interface BodyProblems {
}
