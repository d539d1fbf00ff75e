package io.chipcast.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may read which customer's data. A viewer reads only the customers its token lists, and
 * gets the same 403 for any other customer whether it exists or not, so it never learns which do.
 */
@RequestScoped
public class CustomerAccess {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    @Inject
    public CustomerAccess(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** Whether the caller reads every customer (admin, analyst, or the given extra roles). */
    public boolean readsEveryCustomer(String... alsoAllRoles) {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.ANALYST)) {
            return true;
        }
        for (String role : alsoAllRoles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public void requireReadable(String customerId, String... alsoAllRoles) {
        if (!readsEveryCustomer(alsoAllRoles) && !viewerCustomers().contains(customerId)) {
            throw new ForbiddenException();
        }
    }

    /**
     * The customers a request about {@code asked} covers: each one asked for, once it is checked
     * readable (403 otherwise); none asked, every customer (empty) for those who read them all, a
     * viewer's own for a viewer.
     */
    public Optional<Set<String>> scope(Set<String> asked) {
        asked.forEach(this::requireReadable);
        if (!asked.isEmpty()) {
            return Optional.of(asked);
        }
        return readsEveryCustomer() ? Optional.empty() : Optional.of(viewerCustomers());
    }

    /** The customers a viewer's token lists; empty for other roles. */
    public Set<String> viewerCustomers() {
        if (!identity.hasRole(Roles.VIEWER)) {
            return Set.of();
        }
        Object claim = token.getClaim(Roles.CUSTOMERS_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(CustomerAccess::text).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    private static String text(Object value) {
        // smallrye-jwt hands array elements over as JSON strings.
        return value instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(value);
    }
}
