package io.chipcast.bench.engine;

import io.chipcast.contracts.EventTypes;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PlanLine;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.payload.ShipmentStatus;
import io.chipcast.forecast.engine.ForecastEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone: a LIST price change of one SKU recomputes every customer holding it (as a
 * line or a substitute). {@code lineEvaluations} counts the plan lines recomputed, so JMH reports
 * line evaluations per second on one thread (one core).
 *
 * <pre>java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.openjdk.jmh.Main EngineBenchmark</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EngineBenchmark {

    private static final int SKUS = 50;
    private static final int LINES = 5;

    @Param("20000")
    int customers;

    private ForecastEngine engine;
    private int toggle;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long lineEvaluations;
        public long projectionsChanged;

        @Setup(Level.Iteration)
        public void reset() {
            lineEvaluations = 0;
            projectionsChanged = 0;
        }
    }

    @Setup
    public void populate() {
        engine = new ForecastEngine(BigDecimal.ONE, Clock.systemUTC());
        Random random = new Random(42);
        for (int s = 0; s < SKUS; s++) {
            engine.onCatalog(new CatalogEntry(sku(s), "V", "F", BigDecimal.valueOf(1000 + 300L * s), BigDecimal.TEN, 80), cause());
            engine.onPrice(price(sku(s), Market.LIST, 20_000 + 100 * s), cause());
            engine.onPrice(price(sku(s), Market.SPOT, 30_000 + 100 * s), cause());
        }
        for (int c = 0; c < customers; c++) {
            String customer = "customer-" + c;
            List<PlanLine> lines = new ArrayList<>();
            for (int l = 0; l < LINES; l++) {
                int s = random.nextInt(SKUS);
                lines.add(new PlanLine("L" + l, sku(s), 1000L + random.nextInt(9000),
                        LocalDate.of(2025, 1 + random.nextInt(12), 1), List.of(sku((s + 1) % SKUS))));
                engine.onShipment(new ShipmentEvent("S-" + c + "-" + l, customer, sku(s), 500L + random.nextInt(1000),
                        BigDecimal.valueOf(25_000), random.nextInt(4) == 0 ? ShipmentStatus.DELAYED : ShipmentStatus.ALLOCATED,
                        LocalDate.of(2025, 1 + random.nextInt(12), 15), Instant.parse("2024-06-01T00:00:00Z")), cause());
            }
            engine.onPlan(new DemandPlan(customer, customer, "US", 1L, lines), cause());
        }
    }

    /** One price change of the most common SKU, alternating between two prices so that every one changes projections. */
    @Benchmark
    public ForecastEngine.Outcome priceChangeFanOut(Counters counters) {
        toggle ^= 1;
        ForecastEngine.Outcome outcome = engine.onPrice(price(sku(0), Market.LIST, toggle == 0 ? 20_000 : 21_000), cause());
        counters.lineEvaluations += (long) outcome.customersRecomputed() * LINES;
        counters.projectionsChanged += outcome.changes().size();
        return outcome;
    }

    private static PriceChange price(String sku, Market market, long price) {
        return new PriceChange(sku, market, "USD", BigDecimal.valueOf(price), Instant.parse("2024-01-01T00:00:00Z"), "bench", null);
    }

    private static String sku(int index) {
        return "SKU-" + index;
    }

    private static Cause cause() {
        return new Cause(UUID.randomUUID().toString(), EventTypes.PRICE_CHANGED);
    }
}
