package io.chipcast.contracts.api;

import io.chipcast.contracts.payload.ProjectionLine;
import java.math.BigDecimal;
import java.util.List;

/**
 * A customer's projection under hypothetical price changes and rulings (SPEC section 5's what-if):
 * what it would be, never stored nor published, so without version, time or cause.
 */
public record WhatIf(String customerId, long planVersion, BigDecimal projectedCost, BigDecimal blockedValue,
        List<ProjectionLine> lines) {
}
