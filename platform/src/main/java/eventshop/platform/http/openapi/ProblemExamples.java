package eventshop.platform.http.openapi;

/** Example bodies of the problem responses the OpenAPI annotations of this package declare. */
public final class ProblemExamples {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static final String BAD_REQUEST = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "violations":[{"field":"lines[0].quantity","message":"must be less than or equal to 100"}]}""";
    public static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,
             "detail":"No order 3f2b7c1e-8d4a-4e7b-9a51-2c6f0e9d1a77"}""";
    public static final String CONFLICT = """
            {"type":"about:blank","title":"Conflict","status":409,
             "detail":"Order 3f2b7c1e-8d4a-4e7b-9a51-2c6f0e9d1a77 is REJECTED and can no longer be cancelled"}""";
    public static final String TOO_LARGE = """
            {"type":"about:blank","title":"Request Entity Too Large","status":413,
             "detail":"The content length [70000] exceeds the maximum allowed content length [65536]"}""";
    public static final String UNSUPPORTED_MEDIA_TYPE = """
            {"type":"about:blank","title":"Unsupported Media Type","status":415,
             "detail":"Content Type [text/plain] not allowed. Allowed types: [application/json]"}""";
    public static final String SERVER_ERROR = """
            {"type":"about:blank","title":"Internal Server Error","status":500,
             "detail":"The server could not handle this request. Quote request id 0b7f3c9e-1d2a-4f5b-8c6d-7e8f9a0b1c2d when reporting it."}""";
    public static final String UNAVAILABLE = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
             "detail":"The server could not handle this request. Quote request id 0b7f3c9e-1d2a-4f5b-8c6d-7e8f9a0b1c2d when reporting it."}""";

    private ProblemExamples() {
    }
}
