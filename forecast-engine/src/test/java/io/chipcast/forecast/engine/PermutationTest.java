package io.chipcast.forecast.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.payload.Projection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: the topics are consumed independently, so their events interleave in any order; every
 * interleaving (each topic keeping its own order) converges to the same final projections.
 */
class PermutationTest {

    static Stream<Long> seeds() {
        return new Random(20261126).longs(200).boxed();
    }

    @ParameterizedTest(name = "interleaving {index}")
    @MethodSource("seeds")
    void anyInterleavingOfTheTopicsConvergesToTheSameProjections(long seed) throws Exception {
        Scenario story = Scenario.read(Scenario.SEED_STORY);

        Map<String, Projection> inOrder = finalProjections(story.events());
        Map<String, Projection> interleaved = finalProjections(interleave(story.events(), new Random(seed)));

        assertThat(interleaved.keySet()).isEqualTo(inOrder.keySet());
        inOrder.forEach((customer, expected) -> {
            Projection actual = interleaved.get(customer);
            assertThat(actual.projectedCost()).as(customer).isEqualTo(expected.projectedCost());
            assertThat(actual.blockedValue()).as(customer).isEqualTo(expected.blockedValue());
            assertThat(actual.lines()).as(customer).isEqualTo(expected.lines());
        });
    }

    /** A random merge of the per-topic sequences: the order within each topic is kept, across topics it is not. */
    private static List<Scenario.Event> interleave(List<Scenario.Event> events, Random random) {
        Map<String, Deque<Scenario.Event>> byTopic = new LinkedHashMap<>();
        events.forEach(event -> byTopic.computeIfAbsent(event.eventType(), t -> new ArrayDeque<>()).add(event));
        List<Deque<Scenario.Event>> queues = new ArrayList<>(byTopic.values());
        List<Scenario.Event> merged = new ArrayList<>(events.size());
        while (!queues.isEmpty()) {
            Deque<Scenario.Event> queue = queues.get(random.nextInt(queues.size()));
            merged.add(queue.poll());
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return merged;
    }

    private static Map<String, Projection> finalProjections(List<Scenario.Event> events) {
        ForecastEngine engine = new ForecastEngine(BigDecimal.ONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Map<String, Projection> latest = new LinkedHashMap<>();
        for (Scenario.Event event : events) {
            event.applyTo(engine).projections().forEach(projection -> latest.put(projection.customerId(), projection));
        }
        return latest;
    }
}
