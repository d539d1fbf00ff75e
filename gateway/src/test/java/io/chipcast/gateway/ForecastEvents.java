package io.chipcast.gateway;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.contracts.payload.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Projections and alerts as forecast-service publishes them, for the gateway's tests. */
final class ForecastEvents {

    private static final Cause CAUSE = new Cause(UUID.randomUUID().toString(), "io.chipcast.price.changed.v1");

    private ForecastEvents() {
    }

    static Projection projection(String customer, long version, long planVersion, long cost) {
        return withLines(customer, version, planVersion, cost, 0);
    }

    /** A projection of {@code lineCount} open lines: as large as real ones are. */
    static Projection withLines(String customer, long version, long planVersion, long cost, int lineCount) {
        List<ProjectionLine> lines = IntStream.range(0, lineCount).mapToObj(i -> new ProjectionLine("L" + i, "H100-SXM5-80G", 1000L,
                LocalDate.of(2025, 6, 30), LineStatus.OPEN, 0L, 0L, 1000L, "H100-SXM5-80G", 1000L, BigDecimal.valueOf(25_000),
                null, BigDecimal.valueOf(25_000_000), 0L, BigDecimal.ZERO)).toList();
        return new Projection(customer, planVersion, BigDecimal.valueOf(cost).setScale(2), BigDecimal.ZERO.setScale(2), lines,
                version, Instant.now(), CAUSE);
    }

    static String json(Projection projection) {
        return Json.writeString(projection);
    }

    static Alert alert(String customer, AlertType type) {
        return alert(customer, type, Severity.WARNING);
    }

    static Alert alert(String customer, AlertType type, Severity severity) {
        return new Alert(UUID.randomUUID().toString(), customer, type, severity, type + " for " + customer, null,
                null, null, CAUSE, Instant.now());
    }
}
