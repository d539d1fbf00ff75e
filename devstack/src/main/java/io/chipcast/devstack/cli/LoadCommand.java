package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.StackState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = "Replays a scenario file through chipcast's HTTP APIs and waits until every projection reflects it: "
        + "into the running local stack, or into any chipcast given its URLs and an admin token (Docker Compose, Kubernetes).")
final class LoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A scenario (the format of scenarios/seed-story.json).")
    Path file;

    @Option(names = "--gateway", paramLabel = "URL", description = "The gateway, e.g. http://localhost:8080 (with --pricing, --supply, --token).")
    String gateway;

    @Option(names = "--pricing", paramLabel = "URL", description = "pricing-service, e.g. http://localhost:8081.")
    String pricing;

    @Option(names = "--supply", paramLabel = "URL", description = "supply-service, e.g. http://localhost:8082.")
    String supply;

    @Option(names = "--token", paramLabel = "JWT", description = "An admin's bearer token for that chipcast.")
    String token;

    @Override
    public Integer call() {
        Optional<StackState> target = target();
        if (target.isEmpty()) {
            return 1;
        }
        int code = ScenarioReplay.run(file, target.get(), System.out);
        if (code == 0) {
            System.out.println("Dashboard: " + Summary.dashboardUrl(target.get()));
        }
        return code;
    }

    private Optional<StackState> target() {
        List<String> given = Stream.of(gateway, pricing, supply, token).filter(Objects::nonNull).toList();
        if (given.size() == 4) {
            return Optional.of(new StackState(0, Instant.now(), "given", "", "", "", token, List.of(
                    new StackState.ServiceState("gateway", 0, gateway, ""),
                    new StackState.ServiceState("pricing-service", 0, pricing, ""),
                    new StackState.ServiceState("supply-service", 0, supply, ""))));
        }
        if (!given.isEmpty()) {
            System.out.println("give all of --gateway, --pricing, --supply and --token, or none (to load into the local stack)");
            return Optional.empty();
        }
        Optional<StackState> running = StackState.read(ChipcastCommand.workspace().stateFile()).filter(StackState::supervisorAlive);
        if (running.isEmpty()) {
            System.out.println("chipcast is not running: start it with ./chipcast up --no-scenario --detach");
        }
        return running;
    }
}
