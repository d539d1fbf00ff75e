package io.chipcast.bench;

import com.sun.net.httpserver.HttpServer;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.Alert;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** A webhook receiver on loopback for AlertFeedLoad: takes every message, timing this run's alerts from their {@code at}. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final String customerPrefix;
    private final AtomicLong lastAt = new AtomicLong();
    private volatile Histogram latency;
    private volatile CountDownLatch expected = new CountDownLatch(0);

    WebhookReceiver(String customerPrefix) throws IOException {
        this.customerPrefix = customerPrefix;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.currentTimeMillis();
            Alert alert = Json.read(body, Alert.class);
            if (alert.customerId().startsWith(customerPrefix) && latency != null) {
                latency.recordValue(Math.max(0, now - alert.at().toEpochMilli()));
                lastAt.accumulateAndGet(now, Math::max);
                expected.countDown();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void measure(Histogram into, long deliveries) {
        latency = into;
        expected = new CountDownLatch((int) deliveries);
    }

    void awaitAll(Duration timeout) throws InterruptedException {
        if (!expected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the receiver took " + expected.getCount() + " fewer alerts than expected");
        }
    }

    long lastAt() {
        return lastAt.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
