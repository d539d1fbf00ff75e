package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.Workspace;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./chipcast}: runs chipcast on this machine (SPEC section 6). */
@Command(name = "chipcast", mixinStandardHelpOptions = true, version = "chipcast 0.1.0",
        description = "Runs chipcast locally: a real Kafka broker and PostgreSQL, and the four services.",
        subcommands = {UpCommand.class, LoadCommand.class, StatusCommand.class, DownCommand.class, TokenCommand.class})
public final class ChipcastCommand implements Runnable {

    /**
     * A fresh broker's controller announces at WARNING that its metadata log is empty: expected
     * here, every time. Held in a field so that the level sticks (JUL keeps loggers weakly).
     */
    private static final Logger CONTROLLER = Logger.getLogger("org.apache.kafka.controller");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogs();
        System.exit(new CommandLine(new ChipcastCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static Workspace workspace() {
        return Workspace.fromSystemProperty();
    }

    /** The broker and PostgreSQL log through java.util.logging here; only their warnings matter to a person. */
    private static void quietLibraryLogs() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
        CONTROLLER.setLevel(Level.SEVERE);
    }
}
