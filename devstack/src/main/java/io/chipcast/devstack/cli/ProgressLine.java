package io.chipcast.devstack.cli;

import java.io.PrintStream;

/**
 * A line telling what the command is doing ("… topics ready"): printed by the supervisor into its
 * log, and picked out of that log again by {@code up --detach}, which shows it at the terminal.
 */
final class ProgressLine {

    private static final String PREFIX = "… ";

    private ProgressLine() {
    }

    static void print(PrintStream out, String message) {
        out.println(PREFIX + message);
    }

    static boolean is(String line) {
        return line.startsWith(PREFIX);
    }
}
