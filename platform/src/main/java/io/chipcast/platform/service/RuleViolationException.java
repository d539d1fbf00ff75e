package io.chipcast.platform.service;

/**
 * A well-formed request that breaks a rule only the service can check (an unknown ruling to lift,
 * ...), naming the field; the REST layer answers 422 with a problem.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
