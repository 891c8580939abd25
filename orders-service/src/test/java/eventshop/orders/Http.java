package eventshop.orders;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends a request and returns whatever came back, error statuses included, with the body as a JSON tree. */
public final class Http {

    public record Reply(int status, String body, HttpHeaders headers, String contentType, JsonNode json) {

        public String text(String field) {
            JsonNode node = json.get(field);
            return node == null ? null : node.getValue() == null ? null : node.getValue().toString();
        }
    }

    private final BlockingHttpClient client;
    private final JsonMapper json;

    public Http(BlockingHttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    public Reply send(HttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = client.exchange(request, Argument.STRING, Argument.STRING);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> error = (HttpResponse<String>) e.getResponse();
            response = error;
        }
        String body = response.getBody(String.class).orElse("");
        return new Reply(response.code(), body, response.getHeaders(),
                response.getHeaders().get(HttpHeaders.CONTENT_TYPE), parse(body));
    }

    private JsonNode parse(String body) {
        if (body.isBlank() || !(body.startsWith("{") || body.startsWith("["))) {
            return JsonNode.nullNode();
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
