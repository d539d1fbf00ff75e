package io.chipcast.contracts.validation;

import java.util.Objects;

/**
 * One reason a payload is invalid, naming the offending field by its JSON path
 * ({@code lines[2].quantity}, {@code scope.minTpp}); {@code $} stands for the whole document.
 */
public record Violation(String field, String message) {

    public static final String WHOLE_DOCUMENT = "$";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same violation, seen from a parent object: {@code quantity} under {@code lines[2]}. */
    public Violation under(String parent) {
        if (parent == null || parent.isEmpty()) {
            return this;
        }
        if (WHOLE_DOCUMENT.equals(field)) {
            return new Violation(parent, message);
        }
        return new Violation(field.startsWith("[") ? parent + field : parent + "." + field, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
