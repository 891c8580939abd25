package eventshop.webui.forms;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import eventshop.webui.FakeBackend;
import eventshop.webui.FakeBackends;
import eventshop.webui.FakeBackend.Response;
import eventshop.webui.FakeOrders;
import eventshop.webui.Fixtures;
import eventshop.webui.StaffSession;
import eventshop.webui.security.CsrfTokens;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The one field fragment ({@code fragments/form :: field}) on every form: a message, whether Bean Validation's or a
 * back-end's refusal, stands next to the field it is about, and the field keeps what was typed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldFragmentTest implements TestPropertyProvider {

    private static final String TOKEN = new CsrfTokens(StaffSession.SIGNING_SECRET).newToken();
    private static final String EMAIL_REFUSED = "mail to example.org is not delivered";
    private static final String LIMIT_EXCEEDED = "restocking MUG by 5 would hold more than the shelf takes";

    private final FakeBackends backends = new FakeBackends();
    private final FakeOrders orders = backends.orders;
    private final FakeBackend catalog = backends.catalog;
    private final FakeBackend inventory = backends.inventory;
    private final FakeBackend audit = backends.audit;

    @Inject
    @Client("/")
    HttpClient client;

    private StaffSession staff;

    @Override
    public Map<String, String> getProperties() {
        // orders-service refuses every order as it does a bad field: INVALID_ARGUMENT with a google.rpc.BadRequest
        BadRequest badRequest = BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField("customer.email").setDescription(EMAIL_REFUSED)).build();
        orders.answer("PlaceOrder", () -> {
            throw StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Status.Code.INVALID_ARGUMENT.value()).setMessage("customer.email: " + EMAIL_REFUSED)
                    .addDetails(Any.pack(badRequest)).build());
        });
        catalog.answer("GET", "/catalog", Response.json("[]"));
        inventory.answer("GET", "/products", Response.json(Fixtures.products()))
                .answer("POST", "/products/MUG/restock", Response.problem(409, """
                        {"type":"about:blank","title":"Stock limit exceeded","status":409,"detail":"%s"}"""
                        .formatted(LIMIT_EXCEEDED)));
        audit.answer("GET", "/audit/events", Response.json("""
                        {"items":[],"page":0,"size":50,"total":0}"""))
                .answer("GET", "/audit/stats", Response.json("{}"));
        return backends.properties();
    }

    @BeforeAll
    void signIn() {
        staff = StaffSession.signIn(client, TOKEN);
    }

    @AfterAll
    void stopBackends() {
        backends.close();
    }

    @Test
    void theOrderFormShowsAValidationMessageNextToItsFieldWithWhatWasTyped() {
        Document page = refused("/orders", "name=Ada&email=not-an-email&sku=ESP&quantity=2");

        Element email = fieldOf(page, "input[name=email]");
        assertThat(email.hasClass("invalid")).isTrue();
        assertThat(email.select(".error").text()).isEqualTo("This is not an e-mail address.");
        assertThat(email.select("input").val()).isEqualTo("not-an-email");
        assertThat(fieldOf(page, "input[name=name]").select(".error")).isEmpty();
    }

    @Test
    void theOrderFormShowsOrdersServicesRefusalNextToTheFieldItNames() {
        Document page = refused("/orders", "name=Ada&email=ada%40example.org&sku=ESP&quantity=2");

        Element email = fieldOf(page, "input[name=email]");
        assertThat(email.select(".error").text()).isEqualTo(EMAIL_REFUSED);
        assertThat(email.select("input").val()).isEqualTo("ada@example.org");
    }

    @Test
    void theRestockFormShowsTheRuleNextToTheQuantityOfItsOwnRowOnly() {
        Document page = refused("/inventory/ESP/restock", "quantity=abc");

        Element espresso = fieldOf(page, "tr[data-sku=ESP] input[name=quantity]");
        assertThat(espresso.select(".error").text()).isEqualTo("A whole number from 1 to 10000.");
        assertThat(espresso.select("input").val()).isEqualTo("abc");
        Element mug = fieldOf(page, "tr[data-sku=MUG] input[name=quantity]");
        assertThat(mug.select(".error")).isEmpty();
        assertThat(mug.select("input").val()).isEqualTo("10");
    }

    @Test
    void theRestockFormShowsInventorysProblemNextToTheQuantity() {
        Document page = refused("/inventory/MUG/restock", "quantity=5");

        Element mug = fieldOf(page, "tr[data-sku=MUG] input[name=quantity]");
        assertThat(mug.select(".error").text()).isEqualTo(LIMIT_EXCEEDED);
        assertThat(mug.select("input").val()).isEqualTo("5");
    }

    @Test
    void theSignInFormSaysAboveItsFieldsThatNameAndPasswordDoNotMatch() {
        Document page = Jsoup.parse(client.toBlocking().retrieve("/login?failed=true"));

        assertThat(page.select("#sign-in-form .form-error").text())
                .isEqualTo("That name and password do not match a staff account.");
        assertThat(fieldOf(page, "#username").select("span").text()).isEqualTo("Name");
    }

    @Test
    void theAuditFiltersShowAMistypedOrderIdNextToItsField() {
        Document page = Jsoup.parse(client.toBlocking().retrieve(HttpRequest.GET("/audit?orderId=12345")
                .cookie(staff.cookie())));

        Element orderId = fieldOf(page, "input[name=orderId]");
        assertThat(orderId.select(".error").text()).isEqualTo("Not an order id (a UUID).");
        assertThat(orderId.select("input").val()).isEqualTo("12345");
        assertThat(audit.requests()).noneMatch(r -> r.path().equals("/audit/events")
                && r.query() != null && r.query().contains("orderId"));
    }

    /** The label the field fragment wraps around a control: its caption, the control and its message. */
    private static Element fieldOf(Document page, String control) {
        assertThat(page.select(control).size()).as(control).isEqualTo(1);
        return page.selectFirst(control).closest("label.field");
    }

    /** Sends a form as a signed-in staff member would and expects it back as refused (422). */
    private Document refused(String uri, String body) {
        HttpClientResponseException refusal = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(staff.form(uri, body, TOKEN), String.class));
        assertThat(refusal).as("the form comes back refused").isNotNull();
        assertThat(refusal.getStatus().getCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        return Jsoup.parse(refusal.getResponse().getBody(String.class).orElseThrow());
    }
}
