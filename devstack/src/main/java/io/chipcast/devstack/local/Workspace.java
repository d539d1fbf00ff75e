package io.chipcast.devstack.local;

import java.nio.file.Path;

/**
 * The folder a local stack keeps everything in ({@code .chipcast/} at the repository root), with
 * {@code logs/} (one file per process), {@code data/} (the embedded servers' files) and the
 * state file that {@code status} and {@code down} read.
 */
public record Workspace(Path repositoryRoot, Path home) {

    /** The repository named by {@code -Dchipcast.home} (the chipcast script sets it), else the current directory. */
    public static Workspace fromSystemProperty() {
        Path root = Path.of(System.getProperty("chipcast.home", ".")).toAbsolutePath().normalize();
        return new Workspace(root, root.resolve(".chipcast"));
    }

    public Path logs() {
        return home().resolve("logs");
    }

    public Path data() {
        return home().resolve("data");
    }

    /** The local stack's token signing keys: kept across runs, so that tokens minted earlier stay valid. */
    public Path keys() {
        return home().resolve("keys");
    }

    public Path stateFile() {
        return home().resolve("state.json");
    }

    /** The runnable app Maven builds for a service. */
    public Path serviceApp(String moduleName) {
        return repositoryRoot.resolve(moduleName).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
