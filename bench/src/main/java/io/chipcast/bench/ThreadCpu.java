package io.chipcast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time one service's threads have used so far, by what they do — its collector, the JIT, its
 * Kafka clients, its event loops, its workers — from {@code /proc/<pid>/task/<tid>/stat}, whose
 * command is the thread's name cut to 15 characters. A thread that ends between two samples takes
 * its time along, so each group is at least what it shows. Linux only.
 */
final class ThreadCpu {

    /** Thread names (their first 15 characters) by group, the first that matches wins; the rest is "other". */
    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("G1 ", "collector"), Map.entry("GC Thread", "collector"), Map.entry("VM Thread", "collector"),
            Map.entry("C1 CompilerThre", "JIT"), Map.entry("C2 CompilerThre", "JIT"),
            Map.entry("smallrye-kafka-", "Kafka clients"), Map.entry("kafka-", "Kafka clients"),
            Map.entry("forecast-publis", "publisher"),
            Map.entry("vert.x-eventloo", "event loops"),
            Map.entry("executor-thread", "workers"),
            Map.entry("ForkJoinPool", "parallel streams"));

    private final Map<String, Double> seconds;

    private ThreadCpu(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    /** The service's threads now, by group; empty when no stack runs or /proc cannot be read. */
    static Optional<ThreadCpu> sample(String service) {
        return RunningStack.service(service).flatMap(running -> sample(running.pid()));
    }

    private static Optional<ThreadCpu> sample(long pid) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String line = Files.readString(task.resolve("stat"));
                    String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    seconds.merge(group(name), StackCpu.seconds(StackCpu.fieldsAfterCommand(line)), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended while it was being read.
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new ThreadCpu(seconds));
    }

    /** What one group ("JIT", "collector", …) used between {@code earlier} and this sample. */
    double secondsSince(ThreadCpu earlier, String group) {
        return seconds.getOrDefault(group, 0.0) - earlier.seconds.getOrDefault(group, 0.0);
    }

    /** What each group used between {@code earlier} and this sample, the largest first: "collector 3.1 s, Kafka clients 2.0 s, …". */
    String since(ThreadCpu earlier) {
        return seconds.keySet().stream()
                .map(group -> Map.entry(group, secondsSince(earlier, group)))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String group(String threadName) {
        return GROUPS.stream().filter(g -> threadName.startsWith(g.getKey())).map(Map.Entry::getValue).findFirst().orElse("other");
    }
}
