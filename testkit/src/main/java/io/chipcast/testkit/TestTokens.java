package io.chipcast.testkit;

import java.time.Duration;
import java.util.List;

/** Bearer tokens the services under test accept (or, for the negative cases, must refuse). */
public final class TestTokens {

    private static final Duration VALIDITY = Duration.ofHours(1);

    private TestTokens() {
    }

    public static String admin() {
        return forRole("admin");
    }

    public static String publisher() {
        return forRole("publisher");
    }

    public static String analyst() {
        return forRole("analyst");
    }

    public static String viewer(String... customers) {
        return SharedInfrastructure.tokens().mint("viewer", List.of(customers), VALIDITY);
    }

    public static String forRole(String role) {
        return SharedInfrastructure.tokens().mint(role, List.of(), VALIDITY);
    }

    public static String expired(String role) {
        return SharedInfrastructure.tokens().mintExpired(role);
    }

    public static String signedByAnotherKey(String role) {
        return SharedInfrastructure.tokens().mintWithForeignKey(role);
    }

    /** An {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
