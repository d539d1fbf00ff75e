package io.chipcast.devstack.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.contracts.validation.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events of a file travel together in one bulk request: runs of one bulk kind, in the file's order. */
class ScenarioLoaderBulkTest {

    @Test
    void consecutivePricesOrShipmentsTravelTogetherAndAnyOtherEventEndsTheRun() {
        List<ScenarioFile.Event> events = events(Topics.CATALOG, Topics.PRICES, Topics.PRICES, Topics.PRICES, Topics.SHIPMENTS,
                Topics.SHIPMENTS, Topics.PRICES, Topics.RULINGS, Topics.RULINGS, Topics.DEMAND_PLANS);

        assertThat(runs(events)).containsExactly(1, 3, 2, 1, 1, 1, 1);
    }

    @Test
    void aRunLongerThanABulkRequestAllowsIsSplit() {
        List<Topic<String, ?>> topics = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_BULK_ITEMS + 5; i++) {
            topics.add(Topics.SHIPMENTS);
        }
        assertThat(runs(events(topics.toArray(Topic[]::new)))).containsExactly(Limits.MAX_BULK_ITEMS, 5);
    }

    private static List<Integer> runs(List<ScenarioFile.Event> events) {
        List<Integer> runs = new ArrayList<>();
        for (int from = 0; from < events.size(); ) {
            int to = ScenarioLoader.endOfBulk(events, from);
            runs.add(to - from);
            from = to;
        }
        return runs;
    }

    private static List<ScenarioFile.Event> events(Topic<?, ?>... topics) {
        List<ScenarioFile.Event> events = new ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            @SuppressWarnings("unchecked")
            Topic<String, ?> topic = (Topic<String, ?>) topics[i];
            events.add(new ScenarioFile.Event("events[" + i + "]", topic, null));
        }
        return events;
    }
}
