package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.contracts.payload.Severity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SPEC section 4's alerts, from one projection of a customer to the next. Alert ids derive from
 * the cause, the customer, the type and the line, so the same event never raises the same alert twice.
 */
final class AlertRules {

    private final BigDecimal costChangeThreshold;

    /** @param costChangePercent the relative move of projectedCost that raises COST_CHANGED (SPEC: 1 %) */
    AlertRules(BigDecimal costChangePercent) {
        this.costChangeThreshold = costChangePercent.movePointLeft(2);
    }

    /**
     * @param previous     the customer's last projection, null for its first
     * @param lastAlerted  the projectedCost that the last COST_CHANGED (or the first projection) set
     * @return the alerts, and the projectedCost COST_CHANGED measures from next time
     */
    Evaluation evaluate(Projection previous, Projection current, BigDecimal lastAlerted) {
        List<Alert> alerts = new ArrayList<>();
        BigDecimal baseline = previous == null ? current.projectedCost() : lastAlerted;
        if (previous != null && costMoved(lastAlerted, current.projectedCost())) {
            alerts.add(alert(current, AlertType.COST_CHANGED, Severity.WARNING, null, lastAlerted,
                    "Projected cost moved from " + lastAlerted.toPlainString() + " to "
                            + current.projectedCost().toPlainString() + " USD"));
            baseline = current.projectedCost();
        }
        Map<String, ProjectionLine> before = new HashMap<>();
        if (previous != null) {
            previous.lines().forEach(line -> before.put(line.lineId(), line));
        }
        BigDecimal previousCost = previous == null ? null : previous.projectedCost();
        for (ProjectionLine line : current.lines()) {
            ProjectionLine old = before.get(line.lineId());
            boolean wasBlocked = old != null && old.status() == LineStatus.BLOCKED;
            boolean isBlocked = line.status() == LineStatus.BLOCKED;
            if (isBlocked && !wasBlocked) {
                alerts.add(alert(current, AlertType.LINE_BLOCKED, Severity.CRITICAL, line.lineId(), previousCost,
                        "Line " + line.lineId() + " (" + line.sku() + ") is blocked: " + line.blockedQty()
                                + " units worth " + line.atRiskValue().toPlainString() + " USD cannot be bought"));
            } else if (wasBlocked && !isBlocked) {
                alerts.add(alert(current, AlertType.LINE_UNBLOCKED, Severity.INFO, line.lineId(), previousCost,
                        "Line " + line.lineId() + " (" + line.sku() + ") is no longer blocked: " + line.status()));
            }
            long delayedBefore = old == null ? 0 : old.delayedQty();
            if (delayedBefore == 0 && line.delayedQty() > 0) {
                alerts.add(alert(current, AlertType.SHORTFALL, Severity.WARNING, line.lineId(), previousCost,
                        "Line " + line.lineId() + " (" + line.sku() + "): " + line.delayedQty()
                                + " units arrive after " + line.needBy() + " and must be covered on the spot market"));
            }
        }
        return new Evaluation(alerts, baseline);
    }

    private boolean costMoved(BigDecimal from, BigDecimal to) {
        if (from.signum() == 0) {
            return to.signum() != 0;
        }
        BigDecimal relative = to.subtract(from).abs().divide(from.abs(), 10, RoundingMode.HALF_EVEN);
        return relative.compareTo(costChangeThreshold) >= 0;
    }

    private static Alert alert(Projection projection, AlertType type, Severity severity, String lineId,
            BigDecimal previousCost, String message) {
        String identity = projection.cause().eventId() + "/" + projection.customerId() + "/" + type + "/" + lineId;
        return new Alert(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString(),
                projection.customerId(), type, severity, message, lineId, previousCost, projection.projectedCost(),
                projection.cause(), projection.computedAt());
    }

    record Evaluation(List<Alert> alerts, BigDecimal nextBaseline) {
    }
}
