package eventshop.platform.security;

/**
 * The roles an account can have. Shoppers have none: they never sign in. Use in {@code @Secured}:
 * {@code @Secured({Roles.STAFF, Roles.SERVICE})} for what staff may do, directly (HTTP Basic) or through web-ui.
 */
public final class Roles {

    /** A person of the shop's staff: restock, the journal, replay, every order. */
    public static final String STAFF = "STAFF";
    /** web-ui itself, calling on behalf of a signed-in staff member or of an anonymous shopper. */
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }
}
