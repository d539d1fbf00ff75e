package io.chipcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.ServiceProcess;
import io.chipcast.devstack.local.StackPorts;
import io.chipcast.devstack.local.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./chipcast up} does, minus the terminal: the four packaged services start as their
 * own processes on a real broker and PostgreSQL, all become ready, and stopping leaves no process.
 * Free ports throughout, so it never collides with a stack someone is running.
 */
class LocalStackTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("chipcast.repository", "..")).toAbsolutePath().normalize();

    @Test
    void startsEveryServiceUntilReadyAndStopsLeavingNoProcessBehind() throws Exception {
        Workspace workspace = new Workspace(REPOSITORY, Path.of("target", "local-stack").toAbsolutePath());
        StackPorts ports = StackPorts.random();
        List<String> progress = new ArrayList<>();
        List<ProcessHandle> processes = new ArrayList<>();

        try (LocalStack stack = LocalStack.start(workspace, ports, progress::add)) {
            stack.awaitReady(Duration.ofMinutes(3));

            assertThat(stack.services()).extracting(ServiceProcess::service).containsExactlyInAnyOrder(ChipcastService.values());
            for (ServiceProcess service : stack.services()) {
                assertThat(service.url()).endsWith(":" + ports.of(service.service()));
                HttpResponse<String> ready = get(service.url() + "/q/health/ready");
                assertThat(ready.statusCode()).as(service.service() + " ready").isEqualTo(200);
                assertThat(ready.body()).contains("\"Kafka cluster\"", "\"UP\"");
                assertThat(Files.readString(service.log())).as(service.service() + " log").contains("started in");
                processes.add(ProcessHandle.of(service.pid()).orElseThrow());
            }
            assertThat(progress).anySatisfy(step -> assertThat(step).contains("topics ready"));
        }

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
