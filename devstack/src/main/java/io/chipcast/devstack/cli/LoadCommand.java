package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.StackState;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = "Replays a scenario file through the running stack's HTTP APIs and waits until every projection reflects it.")
final class LoadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A scenario (the format of scenarios/seed-story.json).")
    Path file;

    @Override
    public Integer call() {
        Optional<StackState> running = StackState.read(ChipcastCommand.workspace().stateFile()).filter(StackState::supervisorAlive);
        if (running.isEmpty()) {
            System.out.println("chipcast is not running: start it with ./chipcast up --no-scenario --detach");
            return 1;
        }
        int code = ScenarioReplay.run(file, running.get(), System.out);
        if (code == 0) {
            System.out.println("Dashboard: " + Summary.dashboardUrl(running.get()));
        }
        return code;
    }
}
