package io.chipcast.contracts.validation;

import java.util.List;

/**
 * A payload that is not even of the right shape: not JSON, a field of the wrong type, an unknown
 * field. HTTP answers it with 400, where a well-formed payload that breaks a rule gets 422.
 */
public class MalformedPayloadException extends InvalidPayloadException {

    public MalformedPayloadException(Violation violation) {
        super(List.of(violation));
    }

    public MalformedPayloadException(List<Violation> violations) {
        super(violations);
    }
}
