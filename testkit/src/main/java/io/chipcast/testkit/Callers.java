package io.chipcast.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the callers of the security matrices: a role, or a broken token. */
public final class Callers {

    private Callers() {
    }

    /**
     * @param caller a role ({@code admin}, {@code publisher}, {@code analyst}, or an unknown one),
     *               {@code viewer} (of customer acme-ai), {@code viewer-of-<customer>}, {@code none}
     *               (no token), {@code expired} or {@code foreign-key} (signed by a key nobody trusts)
     */
    public static RequestSpecification as(String caller) {
        if (caller.startsWith("viewer-of-")) {
            return given().auth().oauth2(TestTokens.viewer(caller.substring("viewer-of-".length())));
        }
        return switch (caller) {
            case "none" -> given();
            case "expired" -> given().auth().oauth2(TestTokens.expired("admin"));
            case "foreign-key" -> given().auth().oauth2(TestTokens.signedByAnotherKey("admin"));
            case "viewer" -> given().auth().oauth2(TestTokens.viewer("acme-ai"));
            default -> given().auth().oauth2(TestTokens.forRole(caller));
        };
    }
}
