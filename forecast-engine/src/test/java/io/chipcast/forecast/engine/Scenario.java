package io.chipcast.forecast.engine;

import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.contracts.validation.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A scenario file (format of scenarios/seed-story.json) as the events a forecast engine consumes, in arrival order. */
record Scenario(List<Event> events) {

    static final Path SEED_STORY = Path.of("..", "scenarios", "seed-story.json");
    static final Path SEED_STORY_EXPECTED = Path.of("..", "scenarios", "seed-story.expected.json");

    /** One event: its topic (by its ce_type), its payload and a fresh ce_id. */
    record Event(String eventType, Validated payload, Cause cause) {

        ForecastEngine.Outcome applyTo(ForecastEngine engine) {
            return engine.apply(payload, cause);
        }
    }

    static Scenario read(Path file) throws IOException {
        return new Scenario(ScenarioFile.parse(Files.readAllBytes(file)).events().stream()
                .map(event -> new Event(event.topic().eventType(), event.payload(),
                        new Cause(UUID.randomUUID().toString(), event.topic().eventType())))
                .toList());
    }

    void applyTo(ForecastEngine engine) {
        events.forEach(event -> event.applyTo(engine));
    }
}
