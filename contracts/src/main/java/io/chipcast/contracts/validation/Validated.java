package io.chipcast.contracts.validation;

import java.util.List;

/** A payload that knows the rules of SPEC section 3 that apply to it. */
public interface Validated {

    /** Every rule this value breaks; empty when it is valid. */
    List<Violation> violations();

    /** Returns this value when it is valid, else throws with every violation. */
    @SuppressWarnings("unchecked")
    default <T extends Validated> T validated() {
        List<Violation> found = violations();
        if (!found.isEmpty()) {
            throw new InvalidPayloadException(found);
        }
        return (T) this;
    }
}
