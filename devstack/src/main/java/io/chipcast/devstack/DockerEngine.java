package io.chipcast.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, so that Testcontainers can start Kafka and PostgreSQL. */
final class DockerEngine {

    private DockerEngine() {
    }

    static boolean answers() {
        // Asking Testcontainers without any sign of an engine costs a second and an ERROR in the log; skip it.
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
