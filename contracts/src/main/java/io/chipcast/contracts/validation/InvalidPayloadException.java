package io.chipcast.contracts.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A payload that cannot be accepted, with every reason found. Never thrown with an empty list. */
public class InvalidPayloadException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidPayloadException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid payload needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidPayloadException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
