package io.chipcast.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.devstack.local.StackState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chipcast load} with a bad file: refused whole before anything is sent, every bad event and field named. */
class ScenarioReplayTest {

    /** Services nobody listens on: anything sent would fail loudly. */
    private static final StackState NOWHERE = new StackState(1, Instant.now(), "none", "127.0.0.1:1", "none", "logs", "token",
            List.of(new StackState.ServiceState("gateway", 1, "http://127.0.0.1:1", "log"),
                    new StackState.ServiceState("pricing-service", 1, "http://127.0.0.1:1", "log"),
                    new StackState.ServiceState("supply-service", 1, "http://127.0.0.1:1", "log")));

    @Test
    void aBadFileIsRefusedNamingEachEventAndFieldAndNothingIsSent(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.json");
        Files.writeString(file, """
                {"name":"bad","catalog":[],"events":[
                  {"kind":"price","sku":"H100-SXM5-80G","market":"LIST","currency":"USD","unitPrice":-1,"effectiveAt":"2024-01-01T00:00:00Z"},
                  {"kind":"weather","sku":"H100"},
                  {"kind":"shipment","shipmentId":"S1","customerId":"c","sku":"H100-SXM5-80G","quantity":1,"unitPrice":1,
                   "status":"LOST","eta":"2024-01-01","occurredAt":"2024-01-01T00:00:00Z"}]}""");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = ScenarioReplay.run(file, NOWHERE, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(output).contains("nothing was replayed", "events[0].unitPrice", "events[1].kind", "events[2].status")
                .doesNotContain("cannot be reached");
    }

    @Test
    void aFileThatIsNotThereIsSaidSo(@TempDir Path directory) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = ScenarioReplay.run(directory.resolve("missing.json"), NOWHERE, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cannot read", "missing.json");
    }
}
