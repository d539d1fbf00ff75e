package io.chipcast.contracts.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the violations of one object, field by field, so that a client learns every problem
 * of a request at once instead of one per round trip.
 */
public final class Checks {

    /** SPEC section 3: identifiers are 1-64 characters of A-Z a-z 0-9 - _ . */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MONEY_SCALE = 2;
    public static final String CURRENCY = "USD";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<Violation> violations = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    public static boolean isIdentifier(String value) {
        return value != null && IDENTIFIER.matcher(value).matches();
    }

    public static boolean isCountry(String value) {
        return value != null && COUNTRIES.contains(value);
    }

    public Checks require(String field, Object value) {
        return check(value != null, field, "is required");
    }

    public Checks identifier(String field, String value) {
        if (require(field, value).present(value)) {
            check(isIdentifier(value), field, "must be 1-64 characters of A-Z a-z 0-9 - _ .");
        }
        return this;
    }

    public Checks optionalIdentifier(String field, String value) {
        return value == null ? this : identifier(field, value);
    }

    public Checks text(String field, String value, int maxLength) {
        if (require(field, value).present(value)) {
            check(!value.isBlank(), field, "must not be blank");
            optionalText(field, value, maxLength);
        }
        return this;
    }

    public Checks optionalText(String field, String value, int maxLength) {
        if (value != null) {
            check(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    /** Money: USD, a positive amount with at most two decimals. */
    public Checks positiveMoney(String field, BigDecimal value) {
        if (positive(field, value).present(value)) {
            check(value.stripTrailingZeros().scale() <= MONEY_SCALE, field, "must have at most 2 decimals");
        }
        return this;
    }

    public Checks positive(String field, BigDecimal value) {
        if (require(field, value).present(value)) {
            check(value.signum() > 0, field, "must be greater than 0");
        }
        return this;
    }

    public Checks nonNegative(String field, BigDecimal value) {
        if (require(field, value).present(value)) {
            check(value.signum() >= 0, field, "must be 0 or greater");
        }
        return this;
    }

    public Checks positive(String field, Long value) {
        if (require(field, value).present(value)) {
            check(value > 0, field, "must be greater than 0");
        }
        return this;
    }

    public Checks country(String field, String value) {
        if (require(field, value).present(value)) {
            check(isCountry(value), field, "must be an ISO 3166-1 alpha-2 country code such as US or CN");
        }
        return this;
    }

    public Checks currency(String field, String value) {
        if (require(field, value).present(value)) {
            check(CURRENCY.equals(value), field, "must be USD");
        }
        return this;
    }

    /** A list whose every element is an identifier, with no duplicates. */
    public Checks identifiers(String field, Collection<String> values) {
        if (require(field, values).present(values)) {
            Set<String> seen = new HashSet<>();
            int index = 0;
            for (String value : values) {
                String elementField = field + "[" + index++ + "]";
                identifier(elementField, value);
                check(value == null || seen.add(value), elementField, "duplicates " + value);
            }
        }
        return this;
    }

    public Checks countries(String field, Collection<String> values) {
        if (require(field, values).present(values)) {
            Set<String> seen = new HashSet<>();
            int index = 0;
            for (String value : values) {
                String elementField = field + "[" + index++ + "]";
                country(elementField, value);
                check(value == null || seen.add(value), elementField, "duplicates " + value);
            }
        }
        return this;
    }

    /** The violations of a nested object, reported under its field name. */
    public Checks nested(String field, Validated value) {
        if (value != null) {
            value.violations().forEach(v -> violations.add(v.under(field)));
        }
        return this;
    }

    public Checks check(boolean condition, String field, String message) {
        if (!condition) {
            violations.add(new Violation(field, message));
        }
        return this;
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    private boolean present(Object value) {
        return value != null;
    }
}
