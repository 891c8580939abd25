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

/** On an operation that names a resource by id: 404 when there is none. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "404", description = "No such resource.", content = @Content(
        mediaType = ProblemExamples.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
        examples = @ExampleObject(name = "unknown id", value = ProblemExamples.NOT_FOUND)))
public @interface NotFoundProblem {
}
