package io.chipcast.bench;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.Topic;
import io.chipcast.contracts.Topics;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.kafka.CloudEventHeaders;
import io.chipcast.contracts.payload.CatalogEntry;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PlanLine;
import io.chipcast.contracts.payload.PriceChange;
import io.chipcast.contracts.payload.ShipmentEvent;
import io.chipcast.contracts.payload.ShipmentStatus;
import io.chipcast.contracts.validation.Validated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * forecast-service under load, against a local stack ({@code ./chipcast up --no-scenario --detach}):
 * <ol>
 *   <li>setup: N customers × 5 lines over 50 SKUs, the first line of every customer of one SKU;</li>
 *   <li>end to end: shipment events (one customer each) at a steady rate; per event, the time from
 *       its record to the projection whose cause it is, beside the raw Kafka hop measured the same way,
 *       after a warm-up at that rate that lasts until forecast-service's JIT has settled; with the
 *       stack's CPU in it and forecast-service's by thread group;</li>
 *   <li>fan-out, three times: a LIST price change of that SKU, which touches all N customers; the
 *       time from that record to the last projection it caused on forecast.projections; then the
 *       last fan-out's documents through Kafka alone, the floor under it on this machine, and into
 *       PostgreSQL alone ({@link PostgresAlone}), each with the CPU it took: together the floor
 *       under a fan-out's CPU; and per fan-out, what forecast-service's and the gateway's threads
 *       used by group ({@link ThreadCpu});</li>
 *   <li>portfolio: how long the gateway takes to answer {@code GET /api/v1/portfolio} about the N
 *       customers (issue 16), whole and with the cost changes of every customer the load moved;</li>
 *   <li>memory: each service's resident set before the load and after it, and forecast-service's
 *       heap after a full collection, holding the N customers.</li>
 * </ol>
 * Loopback only, bounded in count and time.
 *
 * <pre>java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.chipcast.bench.ForecastLoad [customers] [events/s] [seconds]</pre>
 */
public final class ForecastLoad {

    private static final String KAFKA = "127.0.0.1:9092";
    private static final int SKUS = 50;
    private static final int LINES = 5;
    /**
     * Before the measured steady run, at its rate: lets the JIT, the collector and PostgreSQL settle
     * after the bulk setup. At least {@link #WARM_UP}, then in rounds of {@link #WARM_UP_ROUND} until
     * forecast-service's compiler threads used less than {@link #JIT_SETTLED} of a core in the last
     * one (the steady run exercises code the bulk setup did not: C2 was measured compiling for a core's
     * half well past 15 s), at most {@link #WARM_UP_LIMIT}.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(5);
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(120);
    private static final double JIT_SETTLED = 0.05;
    /** Fan-outs measured one after the other: one alone says little on a machine this noisy. */
    private static final int FAN_OUTS = 3;
    /** How long after a fan-out's last projection its CPU time is still counted. */
    private static final Duration CPU_SETTLE = Duration.ofSeconds(1);

    private final String run = Long.toString(System.nanoTime(), 36);
    /** Planned by every customer (first line): its price change is the fan-out. */
    private final String hotSku = sku(0);
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    /** Projections seen on forecast.projections of this run, by the ce_id of their cause: when each arrived. */
    private final Map<String, List<Long>> projectionsByCause = new ConcurrentHashMap<>();
    private final AtomicLong projectionsSeen = new AtomicLong();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private int shipments;
    /** The events whose projections are split into stages, by ce_id: when each was published, and where its stages go. */
    private final Map<String, Measured> measured = new ConcurrentHashMap<>();
    /** The ce_id of the fan-out whose projection documents are kept, to send them again through Kafka alone. */
    private volatile String keepDocumentsOf;
    private final KeptDocuments keptDocuments = new KeptDocuments();

    private record Measured(Instant time, Stages stages) {
    }

    public static void main(String[] args) throws Exception {
        quietClientLogs();
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        new ForecastLoad().run(customers, rate, seconds);
    }

    private void run(int customers, int rate, int seconds) throws Exception {
        ServiceMemory.residentSets().ifPresent(rss -> System.out.printf("resident memory at idle, before the load: %s%n", rss));
        Thread watcher = watch(Topics.PROJECTIONS.name());
        for (int s = 0; s < SKUS; s++) {
            publish(Topics.CATALOG, new CatalogEntry(sku(s), "V", "F", BigDecimal.valueOf(1000 + 300L * s), BigDecimal.TEN, 80));
            publish(Topics.PRICES, price(sku(s), 20_000 + 100 * s));
        }
        Random random = new Random(7);
        Optional<PipelineBatches> batchesBefore = PipelineBatches.sample();
        long start = System.nanoTime();
        for (int c = 0; c < customers; c++) {
            List<PlanLine> lines = new ArrayList<>();
            for (int l = 0; l < LINES; l++) {
                // The hot SKU in every plan: its price change touches every customer.
                int s = l == 0 ? 0 : random.nextInt(SKUS);
                lines.add(new PlanLine("L" + l, sku(s), 1000L + random.nextInt(9000), LocalDate.of(2025, 1 + random.nextInt(12), 1),
                        List.of(sku((s + 1) % SKUS))));
            }
            publish(Topics.DEMAND_PLANS, new DemandPlan(customer(c), "Customer " + c, "US", 1L, lines));
        }
        producer.flush();
        awaitCount(customers, Duration.ofMinutes(20));
        System.out.printf("setup: %d customers projected in %.1f s (%.0f customers/s)%n", customers,
                (System.nanoTime() - start) / 1e9, customers / ((System.nanoTime() - start) / 1e9));
        printBatches("setup", batchesBefore);

        // 1. Steady shipment events, one customer each: a warm-up at the same rate, then the measured run.
        Stages stages = new Stages();
        List<CloudEvent> events = new ArrayList<>();
        warmUp(rate, random, customers);
        Optional<PipelineBatches> steadyBefore = PipelineBatches.sample();
        Optional<StackCpu> steadyCpuBefore = StackCpu.sample();
        Optional<ThreadCpu> steadyThreadsBefore = ThreadCpu.sample("forecast-service");
        steadyShipments(rate, Duration.ofSeconds(seconds), random, customers, event -> {
            measured.put(event.id(), new Measured(event.time(), stages));
            events.add(event);
        });
        producer.flush();
        Optional<StackCpu> steadyCpuAfter = StackCpu.sample();
        Optional<ThreadCpu> steadyThreadsAfter = ThreadCpu.sample("forecast-service");
        Thread.sleep(5_000);
        Histogram e2e = new Histogram(3);
        int missing = 0;
        for (CloudEvent event : events) {
            List<Long> seen = projectionsByCause.get(event.id());
            if (seen == null) {
                missing++;
            } else {
                e2e.recordValue(Math.max(0, seen.get(0) - event.time().toEpochMilli()));
            }
        }
        System.out.printf("end to end at %d events/s for %d s: %d events, p50 %d ms, p99 %d ms, max %d ms, %d without a projection (unchanged or late)%n",
                rate, seconds, events.size(), e2e.getValueAtPercentile(50), e2e.getValueAtPercentile(99), e2e.getMaxValue(), missing);
        stages.print();
        printBatches("end to end", steadyBefore);
        if (steadyCpuBefore.isPresent() && steadyCpuAfter.isPresent()) {
            System.out.printf("  CPU in the end to end: %s%n", steadyCpuAfter.get().since(steadyCpuBefore.get()));
        }
        if (steadyThreadsBefore.isPresent() && steadyThreadsAfter.isPresent()) {
            System.out.printf("  forecast-service's threads in the end to end: %s%n", steadyThreadsAfter.get().since(steadyThreadsBefore.get()));
        }
        rawKafka(rate, seconds);

        // 2. Fan-outs: price changes of the SKU every customer plans, one after the other has been read.
        for (int i = 1; i <= FAN_OUTS; i++) {
            fanOut(customers, 25_000 + 500L * i, i == FAN_OUTS);
        }
        List<byte[]> documents = keptDocuments.toList();
        List<String> keys = documentKeys(documents.size());
        Optional<Double> kafkaCpu = kafkaAlone(keys, documents);
        Optional<PostgresAlone.Figures> postgres = PostgresAlone.store(keys, documents);
        postgres.ifPresent(figures -> System.out.printf(
                "PostgreSQL alone, the same documents copied into a table keyed like the history, %d a transaction: %d ms, its backend %.1f CPU-s%n",
                PostgresAlone.SLICE, figures.millis(), figures.backendCpuSeconds()));
        if (kafkaCpu.isPresent() && postgres.isPresent()) {
            double floorCpu = kafkaCpu.get() + postgres.get().backendCpuSeconds();
            System.out.printf("floor for a fan-out's CPU, Kafka alone and PostgreSQL alone together: %.1f CPU-s%n", floorCpu);
            // A fan-out needs both on the same cores: where they are busy, its time is at least their CPU over the cores.
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("floor for a fan-out's time on %d cores, that CPU spread over all of them: %.0f ms%n", cores, floorCpu * 1000 / cores);
        }
        PortfolioQueryTime.measure().ifPresent(figures -> System.out.printf("portfolio query through the gateway: %s%n", figures));
        ServiceMemory.heapAfterFullGc("forecast-service").ifPresent(mb -> System.out.printf(
                "forecast-service heap after a full GC, holding %d customers: %d MB%n", customers, mb));
        ServiceMemory.residentSets().ifPresent(rss -> System.out.printf("resident memory after the load: %s%n", rss));
        watching.set(false);
        watcher.join();
        producer.close();
    }

    /** One price change of the hot SKU, timed from its record to the last projection it caused. */
    private void fanOut(int customers, long newPrice, boolean keepDocuments) throws InterruptedException {
        Stages fanOutStages = new Stages();
        Optional<StackCpu> cpuBefore = StackCpu.sample();
        double ownCpuBefore = StackCpu.loadGenerator();
        Map<String, Optional<ThreadCpu>> threadsBefore = Map.of(
                "forecast-service", ThreadCpu.sample("forecast-service"), "gateway", ThreadCpu.sample("gateway"));
        CloudEvent change = publish(Topics.PRICES, price(hotSku, newPrice));
        measured.put(change.id(), new Measured(change.time(), fanOutStages));
        if (keepDocuments) {
            // Long before the first projection of the change: it has to be consumed, computed and committed first.
            keepDocumentsOf = change.id();
        }
        producer.flush();
        long sent = System.currentTimeMillis();
        awaitFanOut(change.id(), customers);
        List<Long> arrivals = projectionsByCause.getOrDefault(change.id(), List.of());
        long lastArrival = arrivals.stream().mapToLong(Long::longValue).max().orElse(sent);
        System.out.printf("fan-out: one price change of %s changed %d projections; the last reached forecast.projections %d ms after the change was published%n",
                hotSku, arrivals.size(), lastArrival - sent);
        fanOutStages.print();
        // The work that trails the last record (the gateway reading it, acknowledgements recorded) is counted too.
        Thread.sleep(CPU_SETTLE.toMillis());
        Optional<StackCpu> cpuAfter = StackCpu.sample();
        double ownCpu = StackCpu.loadGenerator() - ownCpuBefore;
        if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
            System.out.printf("  CPU for the fan-out, until %d s after its last projection was read: %s%n",
                    CPU_SETTLE.toSeconds(), cpuAfter.get().since(cpuBefore.get()));
        }
        // Not the stack's, but taken from the same two cores.
        System.out.printf("  the load generator's CPU in the fan-out: %.1f CPU-s%n", ownCpu);
        for (String service : List.of("forecast-service", "gateway")) {
            Optional<ThreadCpu> before = threadsBefore.get(service);
            Optional<ThreadCpu> after = ThreadCpu.sample(service);
            if (before.isPresent() && after.isPresent()) {
                System.out.printf("  %s's threads in the fan-out: %s%n", service, after.get().since(before.get()));
            }
        }
    }

    /**
     * The floor under a fan-out on this machine: the same projection documents produced the way
     * forecast-service produces them (acks=all, idempotent, zstd level 1, 512 KB batches) to a
     * topic of as many partitions, and consumed — no computing, no database. Returns the CPU time
     * that took, the broker's and the load generator's together, when the stack's processes can be read.
     */
    private Optional<Double> kafkaAlone(List<String> keys, List<byte[]> documents) throws Exception {
        String topic = "bench.fan-out-floor";
        int partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            partitions = admin.describeTopics(List.of(Topics.PROJECTIONS.name())).allTopicNames().get()
                    .get(Topics.PROJECTIONS.name()).partitions().size();
            createIfAbsent(admin, topic, partitions);
        }
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> kafka = consumerAtEnd(topic)) {
                assigned.countDown();
                while (consuming.get() && received.get() < documents.size()) {
                    int count = kafka.poll(Duration.ofMillis(20)).count();
                    if (count > 0) {
                        received.addAndGet(count);
                        lastReceived.set(System.currentTimeMillis());
                    }
                }
            }
        });
        consumer.start();
        assigned.await();
        long bytes = documents.stream().mapToLong(document -> document.length).sum();
        Optional<StackCpu> cpuBefore = StackCpu.sample();
        double ownCpuBefore = StackCpu.loadGenerator();
        try (KafkaProducer<String, byte[]> publisher = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 1), new StringSerializer(), new ByteArraySerializer())) {
            long start = System.currentTimeMillis();
            for (int i = 0; i < documents.size(); i++) {
                publisher.send(new ProducerRecord<>(topic, keys.get(i), documents.get(i)));
            }
            publisher.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (received.get() < documents.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            consuming.set(false);
            consumer.join();
            System.out.printf("Kafka alone, the last fan-out's %d projection documents (%.0f MB) produced as forecast-service produces them and consumed: %d ms (%d read)%n",
                    documents.size(), bytes / 1e6, lastReceived.get() - start, received.get());
        }
        double ownCpu = StackCpu.loadGenerator() - ownCpuBefore;
        Optional<StackCpu> cpuAfter = StackCpu.sample();
        if (cpuBefore.isEmpty() || cpuAfter.isEmpty()) {
            return Optional.empty();
        }
        double broker = cpuAfter.get().secondsOf("broker", cpuBefore.get());
        System.out.printf("  CPU for Kafka alone: broker %.1f s, the load generator's producer and consumer %.1f s; total %.1f CPU-s%n",
                broker, ownCpu, broker + ownCpu);
        return Optional.of(broker + ownCpu);
    }

    /** Keys for the kept documents, one customer each, as their projections had. */
    private List<String> documentKeys(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(customer(i));
        }
        return keys;
    }

    /**
     * Until every customer has its projection of the change, or none arrived for a while after the
     * first (a customer whose projection did not change); the first may take long.
     */
    private void awaitFanOut(String changeId, int customers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long quietSince = System.nanoTime();
        int last = 0;
        while (last < customers && System.nanoTime() < deadline
                && (last == 0 || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos())) {
            int now = projectionsByCause.getOrDefault(changeId, List.of()).size();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(5);
        }
    }

    /** A new line under a phase's figures: how forecast-service batched and committed during it. */
    private static void printBatches(String phase, Optional<PipelineBatches> before) {
        before.ifPresent(earlier -> PipelineBatches.sample().ifPresent(now -> {
            System.out.printf("  forecast-service during %s: %s%n", phase, now.since(earlier));
            System.out.printf("  forecast-service during %s: %s%n", phase, now.waitsSince(earlier));
        }));
    }

    /** The Kafka clients log every configuration at INFO: only warnings, so that the results stand out. */
    private static void quietClientLogs() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
    }

    /** The warm-up before the steady run ({@link #WARM_UP}); a fixed {@link #WARM_UP} where forecast-service's threads cannot be read. */
    private void warmUp(int rate, Random random, int customers) throws InterruptedException {
        long start = System.nanoTime();
        steadyShipments(rate, WARM_UP, random, customers, event -> { });
        Optional<ThreadCpu> before = ThreadCpu.sample("forecast-service");
        double jitShare = Double.NaN;
        while (before.isPresent() && System.nanoTime() - start < WARM_UP_LIMIT.toNanos()) {
            steadyShipments(rate, WARM_UP_ROUND, random, customers, event -> { });
            Optional<ThreadCpu> after = ThreadCpu.sample("forecast-service");
            if (after.isEmpty()) {
                break;
            }
            jitShare = after.get().secondsSince(before.get(), "JIT") / WARM_UP_ROUND.toSeconds();
            if (jitShare < JIT_SETTLED) {
                break;
            }
            before = after;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(jitShare)) {
            System.out.printf("warm-up at %d events/s: %.0f s (forecast-service's threads could not be read)%n", rate, seconds);
        } else {
            System.out.printf("warm-up at %d events/s: %.0f s, until forecast-service's JIT used under %.0f ms a second (the last %d s: %.0f ms a second)%n",
                    rate, seconds, JIT_SETTLED * 1000, WARM_UP_ROUND.toSeconds(), jitShare * 1000);
        }
    }

    /** Shipment events at a steady rate, each of one random customer and a SKU of one of its lines, so that it changes its projection. */
    private void steadyShipments(int rate, Duration duration, Random random, int customers,
            Consumer<CloudEvent> published) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + duration.toNanos();
        while (System.nanoTime() < end) {
            int c = random.nextInt(customers);
            published.accept(publish(Topics.SHIPMENTS, new ShipmentEvent("SHP-" + run + "-" + shipments++, customer(c),
                    hotSku, 100L + random.nextInt(900), BigDecimal.valueOf(24_000), ShipmentStatus.ALLOCATED,
                    // Stored instants have microseconds at most (SPEC limits): a finer one is dead-lettered.
                    LocalDate.of(2024, 12, 1), Instant.now().truncatedTo(ChronoUnit.MICROS))));
            next = waitUntil(next + interval);
        }
    }

    /** Sleeps until the {@code System.nanoTime()} deadline (the pace of a steady rate); returns it. */
    private static long waitUntil(long deadline) throws InterruptedException {
        long wait = deadline - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return deadline;
    }

    /** The same measurement on a bare topic hop: produce, then consume, nothing in between. */
    private void rawKafka(int rate, int seconds) throws Exception {
        String topic = "bench.raw-hop";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            createIfAbsent(admin, topic, 1);
        }
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram raw = new Histogram(3);
        AtomicBoolean consuming = new AtomicBoolean(true);
        String marker = "raw-" + run;
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> kafka = consumerAtEnd(topic)) {
                while (consuming.get()) {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(20))) {
                        Long sent = sentAt.get(record.key());
                        if (sent != null) {
                            synchronized (raw) {
                                raw.recordValue(Math.max(0, System.currentTimeMillis() - sent));
                            }
                        }
                    }
                }
            }
        });
        consumer.start();
        Thread.sleep(1000);
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long end = next + Duration.ofSeconds(Math.min(seconds, 10)).toNanos();
        for (int i = 0; System.nanoTime() < end; i++) {
            String key = marker + "-" + i;
            sentAt.put(key, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(topic, key, new byte[256]));
            next = waitUntil(next + interval);
        }
        Thread.sleep(2000);
        consuming.set(false);
        consumer.join();
        System.out.printf("raw Kafka hop at %d records/s (acks=all, same clients, same broker): p50 %d ms, p99 %d ms%n",
                rate, raw.getValueAtPercentile(50), raw.getValueAtPercentile(99));
    }

    private Thread watch(String topic) {
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> kafka = consumerAtEnd(topic)) {
                while (watching.get()) {
                    for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(20))) {
                        if (record.key() != null && record.key().startsWith("c-" + run)) {
                            long received = System.currentTimeMillis();
                            ProjectionStamp projection = ProjectionStamp.read(record.value());
                            projectionsByCause.computeIfAbsent(projection.causeId(), id -> new ArrayList<>()).add(received);
                            if (projection.causeId().equals(keepDocumentsOf)) {
                                keptDocuments.add(record.value());
                            }
                            Measured cause = measured.get(projection.causeId());
                            if (cause != null) {
                                cause.stages().record(cause.time(), projection.computedAt(), record.timestamp(), received);
                            }
                            projectionsSeen.incrementAndGet();
                        }
                    }
                }
            }
        }, "projection-watcher");
        thread.start();
        return thread;
    }

    private void awaitCount(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (projectionsSeen.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (projectionsSeen.get() < count) {
            throw new IllegalStateException("only " + projectionsSeen.get() + " of " + count + " customers were projected in time");
        }
    }

    @SuppressWarnings("unchecked")
    private <V extends Validated> CloudEvent publish(Topic<String, ?> topic, Validated payload) {
        CloudEvent event = CloudEvent.of(topic, "bench", UUID.randomUUID(), Instant.now());
        producer.send(new ProducerRecord<>(topic.name(), null, ((Topic<String, V>) topic).keyOf((V) payload), Json.write(payload),
                CloudEventHeaders.write(event, new RecordHeaders())));
        return event;
    }

    /** A consumer of every partition of the topic, positioned at its current end: it reads only what comes next. */
    private static KafkaConsumer<String, byte[]> consumerAtEnd(String topic) {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = kafka.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private static void createIfAbsent(Admin admin, String topic, int partitions) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private PriceChange price(String sku, long price) {
        return new PriceChange(sku, Market.LIST, "USD", BigDecimal.valueOf(price), Instant.parse("2024-01-01T00:00:00Z"), "bench", null);
    }

    private String sku(int index) {
        return "SKU-" + run + "-" + index;
    }

    private String customer(int index) {
        return "c-" + run + "-" + index;
    }
}
