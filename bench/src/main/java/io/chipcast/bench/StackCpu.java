package io.chipcast.bench;

import io.chipcast.devstack.local.StackState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time the processes of the local stack (`./chipcast up`) have used so far, from
 * {@code /proc/<pid>/stat}: each service; the broker, which runs in the supervisor; PostgreSQL, its
 * processes together with what its exited backends used. The load generator is not counted.
 * Linux only: elsewhere there is nothing to sample.
 */
final class StackCpu {

    /** USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux ABI the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Double> seconds;

    private StackCpu(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    /** The stack's CPU time now; empty when no stack runs or /proc cannot be read. */
    static Optional<StackCpu> sample() {
        return RunningStack.state().flatMap(state -> sample(state, RunningStack.stateFile().getParent().toString()));
    }

    private static Optional<StackCpu> sample(StackState state, String workspace) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (StackState.ServiceState service : state.services()) {
            seconds.merge(service.name(), ownTicks(service.pid()) / TICKS_PER_SECOND, Double::sum);
        }
        seconds.put("broker", ownTicks(state.supervisorPid()) / TICKS_PER_SECOND);
        // pg_ctl detaches the server from the supervisor: found by its binary, which unpacks in the
        // workspace. Its backends run the same binary and match too: each process is counted once.
        double postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false)
                        && process.info().commandLine().map(line -> line.contains(workspace)).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .distinct()
                .mapToLong(process -> Math.max(0, ownTicks(process.pid())) + childrenTicks(process.pid()))
                .sum() / TICKS_PER_SECOND;
        seconds.put("PostgreSQL", postgres);
        return seconds.values().stream().allMatch(value -> value >= 0) ? Optional.of(new StackCpu(seconds)) : Optional.empty();
    }

    /**
     * What was used between {@code earlier} and this sample, per process and in total:
     * "forecast-service 8.8 s, gateway 3.1 s, ...; total 18.4 CPU-s".
     */
    String since(StackCpu earlier) {
        Map<String, Double> used = new LinkedHashMap<>();
        seconds.forEach((name, now) -> used.put(name, now - earlier.seconds.getOrDefault(name, 0.0)));
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        return used.entrySet().stream().map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + String.format("; total %.1f CPU-s", total);
    }

    /** What one of the processes ("broker", "PostgreSQL", a service's name) used between {@code earlier} and this sample. */
    double secondsOf(String process, StackCpu earlier) {
        return seconds.getOrDefault(process, 0.0) - earlier.seconds.getOrDefault(process, 0.0);
    }

    /** CPU time this process, the load generator, has used so far; 0 where the platform does not tell. */
    static double loadGenerator() {
        return ProcessHandle.current().info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0);
    }

    /** CPU time one process of this machine (a PostgreSQL backend) has used so far; 0 when it cannot be read. */
    static double processSeconds(long pid) {
        return Math.max(0, ownTicks(pid)) / TICKS_PER_SECOND;
    }

    /** utime + stime of a process (all its threads); -1 when it cannot be read. */
    private static long ownTicks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? -1 : ownTicks(fields);
    }

    /** utime + stime of a stat line's fields after the command. */
    private static long ownTicks(String[] fieldsAfterCommand) {
        return Long.parseLong(fieldsAfterCommand[11]) + Long.parseLong(fieldsAfterCommand[12]);
    }

    /** cutime + cstime: what its exited, waited-for children used (PostgreSQL's backends). */
    private static long childrenTicks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** The fields of /proc/<pid>/stat after the command, which may hold spaces: fields[0] is the state. */
    private static String[] stat(long pid) {
        try {
            return fieldsAfterCommand(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A stat line of a process or thread, after its command: fields[0] is the state, [11] and [12] utime and stime. */
    static String[] fieldsAfterCommand(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    }

    /** utime + stime of a stat line, in seconds. */
    static double seconds(String[] fieldsAfterCommand) {
        return ownTicks(fieldsAfterCommand) / TICKS_PER_SECOND;
    }
}
