package io.chipcast.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository's deployment descriptors as objects: kustomize overlays rendered by kubectl, YAML read as trees. */
final class Manifests {

    static final Path REPOSITORY = Path.of(System.getProperty("chipcast.repository", "..")).toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every object {@code kubectl kustomize deploy/overlays/<overlay>} renders. */
    static List<JsonNode> render(String overlay) throws Exception {
        String rendered = run(List.of("kubectl", "kustomize", REPOSITORY.resolve("deploy/overlays").resolve(overlay).toString()));
        return readAll(rendered);
    }

    /** Every object an overlay renders with an optional component of deploy/components added, as a user would add it. */
    static List<JsonNode> renderWithComponent(String overlay, String component) throws Exception {
        // kustomize takes relative paths only.
        Path root = Files.createDirectories(REPOSITORY.resolve("deployment-tests/target/kustomize-" + overlay + "-" + component));
        Files.writeString(root.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                components:
                  - %s
                """.formatted(root.relativize(REPOSITORY.resolve("deploy/overlays").resolve(overlay)),
                root.relativize(REPOSITORY.resolve("deploy/components").resolve(component))));
        return readAll(run(List.of("kubectl", "kustomize", root.toString())));
    }

    static List<JsonNode> readAll(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isEmpty()) {
                    documents.add(node);
                }
            });
        }
        return documents;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    /** Runs a command in the repository; its standard output, or a failure with what it printed. */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + new String(err, StandardCharsets.UTF_8)
                    + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
