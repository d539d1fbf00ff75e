package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.ReadinessProbe;
import io.chipcast.devstack.local.StackState;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Shows whether the local stack runs, each service's readiness, and where the logs are.")
final class StatusCommand implements Callable<Integer> {

    static final int NOT_RUNNING = 3;

    @Override
    public Integer call() {
        Optional<StackState> found = StackState.read(ChipcastCommand.workspace().stateFile());
        if (found.isEmpty() || !found.get().supervisorAlive()) {
            System.out.println("chipcast is not running. Start it with ./chipcast up");
            return NOT_RUNNING;
        }
        StackState state = found.get();
        System.out.printf("chipcast is running (supervisor pid %d, since %s)%n", state.supervisorPid(), state.startedAt());
        boolean allReady = true;
        for (StackState.ServiceState service : state.services()) {
            boolean alive = ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false);
            boolean ready = alive && ReadinessProbe.isReady(service.url());
            allReady &= ready;
            System.out.printf("  %-17s %-9s %s   (pid %d, log %s)%n", service.name(),
                    ready ? "READY" : alive ? "NOT READY" : "STOPPED", service.url(), service.pid(), service.log());
        }
        System.out.printf("  %-17s %s%n", "kafka", state.kafkaBootstrapServers());
        System.out.printf("  %-17s %s%n", "postgresql", state.postgres());
        System.out.printf("  %-17s %s%n", "dashboard", Summary.dashboardUrl(state));
        System.out.printf("  %-17s %s%n", "logs", state.logs());
        return allReady ? 0 : 1;
    }
}
