package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.StackPorts;
import io.chipcast.devstack.local.StackState;
import io.chipcast.devstack.local.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", description = "Starts Kafka, PostgreSQL and the four services, and waits until all are ready.")
final class UpCommand implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    @Option(names = "--no-scenario", description = "Do not replay the built-in seed story.")
    boolean noScenario;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Replay this scenario instead of the seed story.")
    Path scenario;

    @Option(names = "--detach", description = "Return once everything is ready; stop it later with ./chipcast down.")
    boolean detach;

    private final PrintStream out = System.out;
    private volatile boolean stopping;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = ChipcastCommand.workspace();
        Optional<StackState> running = StackState.read(workspace.stateFile()).filter(StackState::supervisorAlive);
        if (running.isPresent()) {
            out.println("chipcast is already running (pid " + running.get().supervisorPid() + "): ./chipcast status, ./chipcast down");
            return 1;
        }
        return detach ? startDetached(workspace) : runInForeground(workspace);
    }

    private int runInForeground(Workspace workspace) throws InterruptedException {
        Instant started = Instant.now();
        LocalStack stack;
        try {
            stack = LocalStack.start(workspace, StackPorts.defaults(), message -> ProgressLine.print(out, message));
        } catch (RuntimeException e) {
            out.println("chipcast could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            out.println("stopping chipcast …");
            stack.close();
            out.println("chipcast stopped.");
            stopped.countDown();
        }, "chipcast-stop"));
        try {
            stack.awaitReady(READY_TIMEOUT, message -> ProgressLine.print(out, message));
        } catch (LocalStack.StackFailure e) {
            out.println("chipcast could not start: " + e.getMessage());
            return 1;
        }
        StackState state = stack.state();
        state.write(workspace.stateFile());
        Summary.print(state, Duration.between(started, Instant.now()), out);
        replay(workspace, state);
        out.println("Press Ctrl-C to stop everything.");
        watch(stack, stopped);
        return 0;
    }

    /**
     * Replays the seed story (or {@code --scenario FILE}) unless {@code --no-scenario}, then repeats
     * where the dashboard is and an admin token, below the replay's report.
     */
    private int replay(Workspace workspace, StackState state) {
        if (noScenario) {
            return 0;
        }
        Path file = scenario != null ? scenario : workspace.repositoryRoot().resolve("scenarios").resolve("seed-story.json");
        int code = ScenarioReplay.run(file, state, out);
        out.println("Dashboard: " + Summary.dashboardUrl(state));
        out.println("Admin token: " + state.adminToken());
        out.println();
        return code;
    }

    /** Tells the person at the terminal when a service dies, until the stack is stopped. */
    private void watch(LocalStack stack, CountDownLatch stopped) throws InterruptedException {
        List<String> reported = new ArrayList<>();
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            stack.deadService().filter(dead -> !stopping && !reported.contains(dead.service().moduleName())).ifPresent(dead -> {
                reported.add(dead.service().moduleName());
                out.println("! " + dead.service().moduleName() + " exited with code " + dead.exitCode()
                        + "; see " + dead.log());
            });
        }
    }

    /** Prints the supervisor's progress lines written since the {@code shown} lines of its log; returns how many lines were read. */
    private int showProgress(Path log, int shown) throws IOException {
        String text = Files.readString(log);
        // Whole lines only: the last one may still be being written.
        List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        lines.subList(Math.min(shown, lines.size()), lines.size()).stream().filter(ProgressLine::is).forEach(out::println);
        return Math.max(shown, lines.size());
    }

    /** Starts a supervisor in its own session (so closing the terminal does not stop it) and returns once it is ready. */
    private int startDetached(Workspace workspace) throws IOException, InterruptedException {
        Files.createDirectories(workspace.logs());
        Path log = workspace.logs().resolve("chipcast.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dchipcast.home=" + workspace.repositoryRoot());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChipcastCommand.class.getName());
        command.add("up");
        command.add("--no-scenario");
        Process supervisor = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        out.println("starting chipcast in the background (log: " + log + ") …");
        Instant started = Instant.now();
        Instant deadline = started.plus(READY_TIMEOUT).plusSeconds(30);
        int linesShown = 0;
        while (Instant.now().isBefore(deadline)) {
            linesShown = showProgress(log, linesShown);
            Optional<StackState> state = StackState.read(workspace.stateFile())
                    .filter(s -> s.supervisorPid() == supervisor.pid() || ProcessHandle.of(s.supervisorPid())
                            .flatMap(ProcessHandle::parent).map(p -> p.pid() == supervisor.pid()).orElse(false));
            if (state.isPresent()) {
                showProgress(log, linesShown);
                Summary.print(state.get(), Duration.between(started, Instant.now()), out);
                int replayed = replay(workspace, state.get());
                out.println("Stop it with ./chipcast down.");
                return replayed;
            }
            if (!supervisor.isAlive()) {
                out.println("chipcast could not start; the end of " + log + ":");
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(line -> out.println("  " + line));
                return 1;
            }
            Thread.sleep(300);
        }
        out.println("chipcast was not ready in time; see " + log + " and stop it with ./chipcast down.");
        return 1;
    }
}
