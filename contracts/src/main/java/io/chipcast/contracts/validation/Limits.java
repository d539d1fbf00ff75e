package io.chipcast.contracts.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The bounds of every value chipcast accepts, in one place: the payload rules ({@link Checks}),
 * the JSON reader and the HTTP edges all use these, so a value one service accepts is a value
 * every consumer of its topic accepts, stores and computes with. docs/spec-interpretations.md
 * explains each bound; the arithmetic that depends on them is noted where it matters.
 */
public final class Limits {

    /** Money has at most 16 integer digits and 2 decimals: what the NUMERIC(18, 2) columns hold. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");
    public static final int MONEY_SCALE = 2;

    /**
     * Units of a plan line or a shipment. With {@link #MAX_TPP} and {@link #TPP_SCALE} this keeps
     * a substitution's {@code ceil(remaining × tpp(S) / tpp(X))} within a long: at most
     * 10^9 × 10^7 / 0.01 = 10^18.
     */
    public static final long MAX_QUANTITY = 1_000_000_000L;

    /** A catalog tpp and a ruling's minTpp: above 0, at most 10,000,000, at most 2 decimals (an H100 has 15,832). */
    public static final BigDecimal MAX_TPP = new BigDecimal("10000000");
    public static final int TPP_SCALE = 2;

    /** A catalog performanceDensity and a ruling's minPerformanceDensity: 0 to 1,000,000, at most 4 decimals. */
    public static final BigDecimal MAX_PERFORMANCE_DENSITY = new BigDecimal("1000000");
    public static final int PERFORMANCE_DENSITY_SCALE = 4;

    /** A catalog entry's memory, in GB. */
    public static final int MAX_MEMORY_GB = 1_000_000;

    /** Lines of one demand plan. */
    public static final int MAX_PLAN_LINES = 1_000;
    /** Substitutes of one plan line. */
    public static final int MAX_SUBSTITUTES = 20;
    /** Destinations of one ruling (ISO 3166-1 has 249 codes). */
    public static final int MAX_DESTINATIONS = 250;
    /** SKUs a ruling's scope lists. */
    public static final int MAX_SCOPE_SKUS = 1_000;
    /** Items of one bulk write (a JSON array posted to a write endpoint). */
    public static final int MAX_BULK_ITEMS = 10_000;
    /** Hypothetical price changes, and hypothetical rulings, of one what-if request. */
    public static final int MAX_WHAT_IF_CHANGES = 100;
    /** Bytes of one request body. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /** Instants and dates lie in years 0001-9999: what RFC 3339 can write and PostgreSQL stores as sent. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private Limits() {
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    /** Whether an instant has no more than microsecond precision, so that a timestamptz column keeps it exactly. */
    public static boolean isStorable(Instant instant) {
        return instant.getNano() % 1_000 == 0;
    }

    /**
     * Whether text is well-formed Unicode without control characters (U+0000-U+001F, U+007F-U+009F):
     * PostgreSQL refuses NUL, and no chipcast field is meant to hold a line break, a tab or an escape.
     */
    public static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
