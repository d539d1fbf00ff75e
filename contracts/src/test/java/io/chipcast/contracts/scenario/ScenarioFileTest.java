package io.chipcast.contracts.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chipcast.contracts.Topics;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    @Test
    void theSeedStoryReadsAsCatalogThenItsTimeline() throws Exception {
        ScenarioFile story = ScenarioFile.parse(Files.readAllBytes(Path.of("..", "scenarios", "seed-story.json")));

        assertThat(story.name()).isEqualTo("seed-story");
        assertThat(story.events()).hasSize(7 + 20);
        assertThat(story.events().get(0).topic()).isEqualTo(Topics.CATALOG);
        assertThat(story.events()).filteredOn(e -> e.topic() == Topics.DEMAND_PLANS).hasSize(3);
    }

    @Test
    void aBadFileNamesTheEventIndexAndFieldOfEveryProblem() {
        String file = """
                {"name":"bad","catalog":[],"events":[
                  {"kind":"price","sku":"H100","market":"LIST","currency":"USD","unitPrice":-1,"effectiveAt":"2024-01-01T00:00:00Z"},
                  {"kind":"rumour","sku":"H100"},
                  {"kind":"plan","customerId":"c","name":"C","country":"XX","version":1,"lines":[]}
                ]}""";

        InvalidPayloadException rejected = catchThrowableOfType(InvalidPayloadException.class,
                () -> ScenarioFile.parse(file.getBytes(StandardCharsets.UTF_8)));

        assertThat(rejected.violations()).extracting(Violation::field)
                .containsExactly("events[0].unitPrice", "events[1].kind", "events[2].country");
    }
}
