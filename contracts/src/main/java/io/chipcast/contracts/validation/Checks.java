package io.chipcast.contracts.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
            check(Limits.isPrintable(value), field, "must be printable text, without control characters such as NUL or line breaks");
        }
        return this;
    }

    /** Money: USD, a positive amount with at most two decimals that the NUMERIC(18, 2) columns hold. */
    public Checks positiveMoney(String field, BigDecimal value) {
        return decimal(field, value, false, Limits.MAX_MONEY, Limits.MONEY_SCALE);
    }

    /**
     * A decimal above 0 (or from 0, when {@code zeroAllowed}) up to {@code max}, with at most
     * {@code maxScale} decimals. Cheap whatever its exponent: 1E+100000 is refused without being expanded.
     */
    public Checks decimal(String field, BigDecimal value, boolean zeroAllowed, BigDecimal max, int maxScale) {
        if ((zeroAllowed ? nonNegative(field, value) : positive(field, value)).present(value)) {
            check(value.compareTo(max) <= 0, field, "must be at most " + max.toPlainString());
            check(value.stripTrailingZeros().scale() <= maxScale, field, "must have at most " + maxScale + " decimals");
        }
        return this;
    }

    /** A number of units: a whole number from 1 to {@link Limits#MAX_QUANTITY}. */
    public Checks quantity(String field, Long value) {
        if (positive(field, value).present(value)) {
            check(value <= Limits.MAX_QUANTITY, field, "must be at most " + Limits.MAX_QUANTITY);
        }
        return this;
    }

    /** An instant a service stores: at most microsecond precision, so that what is stored is what was published. */
    public Checks storedInstant(String field, Instant value) {
        if (require(field, value).present(value)) {
            check(Limits.inRange(value), field, "must lie in the years 0001-9999");
            check(Limits.isStorable(value), field, "must have at most 6 fractional digits (microseconds)");
        }
        return this;
    }

    public Checks date(String field, LocalDate value) {
        if (require(field, value).present(value)) {
            check(Limits.inRange(value), field, "must lie in the years 0001-9999");
        }
        return this;
    }

    /** A list of at most {@code max} elements (null passes: whether it is required is checked apart). */
    public Checks size(String field, Collection<?> values, int max) {
        if (values != null) {
            check(values.size() <= max, field, "must have at most " + max + " elements");
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

    /** A list of at most {@code max} elements, every one an identifier, with no duplicates. */
    public Checks identifiers(String field, Collection<String> values, int max) {
        if (require(field, values).present(values) && within(field, values, max)) {
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

    public Checks countries(String field, Collection<String> values, int max) {
        if (require(field, values).present(values) && within(field, values, max)) {
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

    /** Records a violation when a list is too long; its elements are then not checked one by one. */
    private boolean within(String field, Collection<?> values, int max) {
        size(field, values, max);
        return values.size() <= max;
    }

    private boolean present(Object value) {
        return value != null;
    }
}
