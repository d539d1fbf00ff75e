package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.StackState;
import java.io.PrintStream;
import java.time.Duration;

/** What a person needs to know once the stack is up: where everything is. */
final class Summary {

    private Summary() {
    }

    static void print(StackState state, Duration startup, PrintStream out) {
        out.println();
        out.printf("chipcast is ready (%.1f s)%n", startup.toMillis() / 1000.0);
        for (StackState.ServiceState service : state.services()) {
            out.printf("  %-17s %s   (pid %d)%n", service.name(), service.url(), service.pid());
        }
        out.printf("  %-17s %s%n", "kafka", state.kafkaBootstrapServers());
        out.printf("  %-17s %s%n", "postgresql", state.postgres());
        out.printf("  %-17s %s%n", "dashboard", dashboardUrl(state));
        out.printf("  %-17s %s%n", "logs", state.logs());
        out.println();
        out.println("Admin token (12 h; more with ./chipcast token --role ROLE [--customer ID]):");
        out.println(state.adminToken());
        out.println();
    }

    static String dashboardUrl(StackState state) {
        return state.services().stream().filter(service -> service.name().equals("gateway"))
                .map(service -> service.url() + "/").findFirst().orElse("(no gateway)");
    }
}
