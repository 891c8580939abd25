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

/** On an operation the resource's state can refuse: 409 (an order no longer cancellable, a restock over the limit). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "409", description = "The resource's current state does not allow this.", content = @Content(
        mediaType = ProblemExamples.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
        examples = @ExampleObject(name = "state forbids it", value = ProblemExamples.CONFLICT)))
public @interface ConflictProblem {
}
