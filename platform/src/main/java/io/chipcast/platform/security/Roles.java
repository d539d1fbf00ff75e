package io.chipcast.platform.security;

/** SPEC section 5: the roles a token's {@code groups} claim may carry. */
public final class Roles {

    /** Everything. */
    public static final String ADMIN = "admin";
    /** Pricing and supply writes and reads. */
    public static final String PUBLISHER = "publisher";
    /** Reads every customer; what-if. */
    public static final String ANALYST = "analyst";
    /** Reads only the customers listed in the token's {@code customers} claim. */
    public static final String VIEWER = "viewer";

    /** The claim listing a viewer's customers. */
    public static final String CUSTOMERS_CLAIM = "customers";

    private Roles() {
    }
}
