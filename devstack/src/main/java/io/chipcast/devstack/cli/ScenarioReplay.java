package io.chipcast.devstack.cli;

import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.devstack.local.StackState;
import io.chipcast.devstack.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.util.Map;

/** Replays a scenario file into a running stack and prints what it left: for {@code up} and {@code load}. */
final class ScenarioReplay {

    /** How long the projections may take to reflect a scenario: two minutes, and 20 ms more per event of a large file. */
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TIMEOUT_PER_EVENT = Duration.ofMillis(20);

    private ScenarioReplay() {
    }

    /** @return the exit code: 0 when the scenario was replayed and reflected, 1 otherwise (reported on {@code out}) */
    static int run(Path file, StackState state, PrintStream out) {
        ScenarioFile scenario;
        try {
            scenario = ScenarioFile.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            out.println("cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (InvalidPayloadException e) {
            out.println(file + " is not a valid scenario; nothing was replayed:");
            e.violations().forEach(violation -> out.println("  " + violation.field() + ": " + violation.message()));
            return 1;
        }
        out.println("replaying " + file + " (" + scenario.events().size() + " events) …");
        ScenarioLoader loader = new ScenarioLoader(url(state, "pricing-service"), url(state, "supply-service"), url(state, "gateway"),
                state.adminToken());
        ScenarioLoader.Result result;
        try {
            result = loader.load(scenario, BASE_TIMEOUT.plus(TIMEOUT_PER_EVENT.multipliedBy(scenario.events().size())),
                    message -> ProgressLine.print(out, message));
        } catch (ScenarioLoader.LoadFailure | IllegalStateException e) {
            out.println("the replay stopped: " + e.getMessage());
            out.println("events before it were applied; fix the file and load it into a fresh stack (./chipcast down, rm -rf .chipcast/data).");
            return 1;
        }
        print(result, out);
        return 0;
    }

    private static void print(ScenarioLoader.Result result, PrintStream out) {
        DecimalFormat money = new DecimalFormat("$#,##0.00");
        out.println();
        for (Map.Entry<String, Projection> entry : result.projections().entrySet()) {
            Projection projection = entry.getValue();
            out.printf("%s  (plan v%d, projection v%d)%n", entry.getKey(), projection.planVersion(), projection.version());
            out.printf("  projected cost  %s%n", money.format(projection.projectedCost()));
            out.printf("  blocked value   %s%n", money.format(projection.blockedValue()));
            for (ProjectionLine line : projection.lines()) {
                out.printf("  %-6s %-16s %-12s %s%n", line.lineId(), line.sku(), line.status(), cost(money, line.lineCost()));
            }
        }
        out.println();
        out.println("Alerts raised (" + result.alerts().size() + "):");
        for (Alert alert : result.alerts()) {
            out.printf("  %-16s %-15s %-8s %s%n", alert.customerId(), alert.type(), alert.severity(), alert.message());
        }
        out.println();
    }

    private static String cost(DecimalFormat money, BigDecimal value) {
        return value == null ? "" : money.format(value);
    }

    private static URI url(StackState state, String service) {
        return state.services().stream().filter(s -> s.name().equals(service)).map(s -> URI.create(s.url())).findFirst()
                .orElseThrow(() -> new IllegalStateException(service + " is not part of the running stack"));
    }
}
