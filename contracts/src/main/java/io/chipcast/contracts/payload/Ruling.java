package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Limits;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An export-control ruling ({@code export.rulings}, key rulingId). A ruling posted again with
 * the same id replaces the earlier one. A LIFT's destinations and scope are ignored.
 */
public record Ruling(
        String rulingId,
        String authority,
        String title,
        RulingAction action,
        Instant effectiveAt,
        List<String> destinations,
        RulingScope scope,
        String lifts) implements Validated {

    public Ruling {
        destinations = destinations == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(destinations));
    }

    public boolean isRestriction() {
        return action == RulingAction.RESTRICT;
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .identifier("rulingId", rulingId)
                .text("authority", authority, 128)
                .optionalText("title", title, 500)
                .require("action", action)
                .storedInstant("effectiveAt", effectiveAt);
        if (action == RulingAction.RESTRICT) {
            checks.check(!destinations.isEmpty(), "destinations", "a RESTRICT ruling names at least one destination")
                    .countries("destinations", destinations, Limits.MAX_DESTINATIONS)
                    .require("scope", scope)
                    .nested("scope", scope)
                    .check(scope == null || !scope.isEmpty(), "scope", "a RESTRICT ruling needs scope.skus or scope.minTpp")
                    .check(lifts == null, "lifts", "only a LIFT ruling names the ruling it lifts");
        } else {
            // A LIFT's destinations are ignored, but bounded all the same (a RESTRICT's are, with its countries).
            checks.size("destinations", destinations, Limits.MAX_DESTINATIONS);
            if (action == RulingAction.LIFT) {
                checks.identifier("lifts", lifts)
                        .check(!Objects.equals(lifts, rulingId), "lifts", "a ruling cannot lift itself");
            }
        }
        return checks.violations();
    }
}
