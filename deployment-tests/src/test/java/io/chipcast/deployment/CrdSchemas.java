package io.chipcast.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The operators' kinds chipcast deploys, checked against the CustomResourceDefinitions of the
 * operator releases it targets — kept under {@code src/test/resources/crds/<operator>-<version>/},
 * as each project released them (README, "Run it on Kubernetes"). An object must use the CRD's
 * current (storage) version, and be valid for that version's structural schema the way the API
 * server reads it: no field the schema does not define (where it does not preserve unknown fields),
 * the types, enums, bounds and required fields it states. A kind no CRD defines is refused too.
 */
final class CrdSchemas {

    private static final Path CRDS = resources("crds");
    private static final Map<String, Crd> BY_GROUP_AND_KIND = load();

    /** One CRD: where it came from, its current version, and the schema of each served version. */
    private record Crd(String origin, String currentVersion, Map<String, JsonNode> schemaByVersion) {
    }

    private CrdSchemas() {
    }

    /** Whether a CRD of a targeted operator defines this object's kind in its API group, whatever the version. */
    static boolean covers(JsonNode object) {
        return crdOf(object).isPresent() || groupIsCovered(object);
    }

    /** Every way the object breaks its kind's CRD; empty when it is valid for the current version. */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        Optional<Crd> crd = crdOf(object);
        if (crd.isEmpty()) {
            return List.of("no CRD of " + group(apiVersion) + " defines the kind " + kind);
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (!version.equals(crd.get().currentVersion())) {
            return List.of(apiVersion + " is not the current version of " + kind + " in " + crd.get().origin() + ": use "
                    + group(apiVersion) + "/" + crd.get().currentVersion());
        }
        List<String> problems = new ArrayList<>();
        validate(object, crd.get().schemaByVersion().get(version), kind, problems);
        return problems;
    }

    private static void validate(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema == null || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                problems.add(path + ": must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + ": must not be null");
            }
            return;
        }
        if (!hasType(value, type)) {
            problems.add(path + ": must be " + (type.isEmpty() ? "a value" : "of type " + type) + ", not " + value.getNodeType());
            return;
        }
        checkEnumAndBounds(value, schema, path, problems);
        if (value.isObject()) {
            validateObject(value, schema, path, problems);
        } else if (value.isArray()) {
            JsonNode items = schema.get("items");
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), items, path + "[" + i + "]", problems);
            }
        }
    }

    private static void validateObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "." + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), child, problems);
            } else if (additional != null && additional.isObject()) {
                validate(field.getValue(), additional, child, problems);
            } else if (properties != null && !preserves && !(additional != null && additional.asBoolean(false))) {
                problems.add(child + ": unknown field");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required");
            }
        }
    }

    private static void checkEnumAndBounds(JsonNode value, JsonNode schema, String path, List<String> problems) {
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode candidate : allowed) {
                found |= candidate.equals(value) || candidate.asText().equals(value.asText()) && candidate.isTextual() == value.isTextual();
            }
            if (!found) {
                problems.add(path + ": " + value + " is not one of " + allowed);
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(path + ": must be at least " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(path + ": must be at most " + schema.get("maximum"));
            }
        }
        if (value.isTextual()) {
            if (schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
                problems.add(path + ": longer than " + schema.get("maxLength"));
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                problems.add(path + ": " + value + " does not match " + schema.get("pattern").asText());
            }
        }
        if (value.isArray() && schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(path + ": more than " + schema.get("maxItems") + " items");
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static Optional<Crd> crdOf(JsonNode object) {
        return Optional.ofNullable(BY_GROUP_AND_KIND.get(group(object.path("apiVersion").asText()) + "/" + object.path("kind").asText()));
    }

    private static boolean groupIsCovered(JsonNode object) {
        String group = group(object.path("apiVersion").asText());
        return BY_GROUP_AND_KIND.keySet().stream().anyMatch(key -> key.startsWith(group + "/"));
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static Map<String, Crd> load() {
        Map<String, Crd> crds = new HashMap<>();
        try (Stream<Path> files = Files.walk(CRDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String origin = CRDS.relativize(file).getName(0).toString();
                for (JsonNode crd : Manifests.readAll(Files.readString(file))) {
                    if (!crd.path("kind").asText().equals("CustomResourceDefinition")) {
                        continue;
                    }
                    Map<String, JsonNode> schemas = new HashMap<>();
                    String current = null;
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (version.path("served").asBoolean(false)) {
                            schemas.put(version.path("name").asText(), version.path("schema").path("openAPIV3Schema"));
                        }
                        if (version.path("storage").asBoolean(false)) {
                            current = version.path("name").asText();
                        }
                    }
                    crds.put(crd.path("spec").path("group").asText() + "/" + crd.path("spec").path("names").path("kind").asText(),
                            new Crd(origin, current, schemas));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRDs under " + CRDS, e);
        }
        return crds;
    }

    private static Path resources(String directory) {
        try {
            return Path.of(CrdSchemas.class.getClassLoader().getResource(directory).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
