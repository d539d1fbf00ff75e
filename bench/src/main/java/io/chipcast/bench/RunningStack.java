package io.chipcast.bench;

import io.chipcast.devstack.local.StackState;
import io.chipcast.devstack.local.Workspace;
import java.nio.file.Path;
import java.util.Optional;

/** The local stack (`./chipcast up`) the load generator measures, as its state file tells: empty when none runs. */
final class RunningStack {

    private RunningStack() {
    }

    /** The state file of the workspace the load generator was pointed at ({@code -Dchipcast.home}). */
    static Path stateFile() {
        return Workspace.fromSystemProperty().stateFile();
    }

    static Optional<StackState> state() {
        return StackState.read(stateFile()).filter(StackState::supervisorAlive);
    }

    /** One service of the running stack, by name. */
    static Optional<StackState.ServiceState> service(String name) {
        return state().flatMap(state -> state.services().stream().filter(service -> service.name().equals(name)).findFirst());
    }
}
