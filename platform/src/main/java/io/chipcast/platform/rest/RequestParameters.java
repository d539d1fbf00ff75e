package io.chipcast.platform.rest;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.validation.Checks;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Path and query parameters, checked like payload fields: a bad one is a 400 problem naming it. */
public final class RequestParameters {

    private RequestParameters() {
    }

    public static String identifier(String name, String value) {
        if (!Checks.isIdentifier(value)) {
            throw ProblemException.badRequest(name, "must be 1-64 characters of A-Z a-z 0-9 - _ .");
        }
        return value;
    }

    /** A UUID (an event id, say). */
    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e");
        }
    }

    /** An RFC 3339 instant, or {@code otherwise} when the parameter is absent. */
    public static Instant instant(String name, String value, Instant otherwise) {
        if (value == null) {
            return otherwise;
        }
        return Json.instant(value).orElseThrow(() -> ProblemException.badRequest(name, Json.INSTANT_RULE));
    }

    /** A whole number from {@code min} to {@code max}, or {@code otherwise} when the parameter is absent. */
    public static long wholeNumber(String name, String value, long min, long max, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, as for a number out of range.
        }
        throw ProblemException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    /** One of an enum's constants (any case), or {@code otherwise} when the parameter is absent. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name());
            }
            throw ProblemException.badRequest(name, "must be one of " + allowed);
        }
    }
}
