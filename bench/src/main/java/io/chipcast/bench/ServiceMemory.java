package io.chipcast.bench;

import io.chipcast.devstack.local.StackState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Memory of the local stack's services (`./chipcast up`): each one's resident set, from
 * {@code /proc/<pid>/status}, and a service's Java heap after a full collection, through the JDK's
 * {@code jcmd} (which this JVM ships). Linux only: elsewhere there is nothing to read.
 */
final class ServiceMemory {

    /**
     * The lines of GC.heap_info that give the heap's use, or a generation's: "garbage-first heap
     * total …K, used …K" (G1); "def new generation …" and "tenured generation …" (Serial);
     * "PSYoungGen …" and "ParOldGen …" (Parallel); "…K committed, …K used" (Shenandoah). Eden,
     * survivor spaces, metaspace and class space have lines of their own, which are not the heap's.
     * (JDK 17's ZGC does not answer GC.heap_info.)
     */
    private static final Pattern HEAP_USED = Pattern.compile(
            "^\\s*(?:garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K"
                    + "|^\\s*\\d+[KMG] max, .*?(\\d+)([KMG]) used", Pattern.MULTILINE);

    private ServiceMemory() {
    }

    /** "gateway 412 MB, pricing-service 301 MB, ..." for the running stack; empty when none runs. */
    static Optional<String> residentSets() {
        return RunningStack.state().map(state -> state.services().stream().map(service -> {
            OptionalLong megabytes = residentMegabytes(service.pid());
            return service.name() + " " + (megabytes.isPresent() ? megabytes.getAsLong() : "?") + " MB";
        }).collect(Collectors.joining(", ")));
    }

    /** The heap a service uses right after a full collection, in MB; empty when it cannot be asked. */
    static OptionalLong heapAfterFullGc(String serviceName) {
        Optional<StackState.ServiceState> service = RunningStack.service(serviceName);
        if (service.isEmpty()) {
            return OptionalLong.empty();
        }
        String pid = Long.toString(service.get().pid());
        if (jcmd(pid, "GC.run").isEmpty()) {
            return OptionalLong.empty();
        }
        return jcmd(pid, "GC.heap_info").flatMap(ServiceMemory::usedKilobytes).map(kb -> OptionalLong.of(kb / 1024)).orElse(OptionalLong.empty());
    }

    /** The heap's used kilobytes in GC.heap_info's output: its generations' summed; empty for a collector not known here. */
    static Optional<Long> usedKilobytes(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        long used = 0;
        boolean found = false;
        while (matcher.find()) {
            used += matcher.group(1) != null ? Long.parseLong(matcher.group(1))
                    : Long.parseLong(matcher.group(2)) << (10 * "KMG".indexOf(matcher.group(3)));
            found = true;
        }
        return found ? Optional.of(used) : Optional.empty();
    }

    private static OptionalLong residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone.
        }
        return OptionalLong.empty();
    }

    private static Optional<String> jcmd(String pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
