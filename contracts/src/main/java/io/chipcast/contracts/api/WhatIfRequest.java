package io.chipcast.contracts.api;

import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Hypothetical price changes and rulings to project a customer under (SPEC section 5's what-if). */
public record WhatIfRequest(List<PriceChange> priceChanges, List<Ruling> rulings) implements Validated {

    public WhatIfRequest {
        priceChanges = priceChanges == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(priceChanges));
        rulings = rulings == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rulings));
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .size("priceChanges", priceChanges, Limits.MAX_WHAT_IF_CHANGES)
                .size("rulings", rulings, Limits.MAX_WHAT_IF_CHANGES);
        if (!checks.violations().isEmpty()) {
            return checks.violations();
        }
        for (int i = 0; i < priceChanges.size(); i++) {
            checks.require("priceChanges[" + i + "]", priceChanges.get(i)).nested("priceChanges[" + i + "]", priceChanges.get(i));
        }
        for (int i = 0; i < rulings.size(); i++) {
            checks.require("rulings[" + i + "]", rulings.get(i)).nested("rulings[" + i + "]", rulings.get(i));
        }
        return checks.violations();
    }
}
