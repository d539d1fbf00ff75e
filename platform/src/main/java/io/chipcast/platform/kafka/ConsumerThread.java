package io.chipcast.platform.kafka;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A thread of its own for a consumer loop that a service runs beside its Quarkus Messaging channels
 * (forecast-service's pipeline): runs the loop until stopped, and starts it
 * again, after a pause, when it fails — the loop rebuilds its state from its source each time.
 * {@link #stop} ends it promptly by waking the consumers the loop registered.
 */
public final class ConsumerThread {

    private static final Logger LOG = Logger.getLogger(ConsumerThread.class);

    private final String name;
    private final Duration restartBackoff;
    private final Runnable loop;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<Consumer<?, ?>> consumers = ConcurrentHashMap.newKeySet();
    private Thread thread;

    /**
     * @param loop polls while {@link #isRunning()}, then returns; throws when it fails. It closes
     *             its consumers itself.
     */
    public ConsumerThread(String name, Duration restartBackoff, Runnable loop) {
        this.name = name;
        this.restartBackoff = restartBackoff;
        this.loop = loop;
    }

    public void start() {
        running.set(true);
        thread = new Thread(this::runUntilStopped, name);
        thread.start();
    }

    /** Stops the loop and waits up to {@code timeout} for it to end. */
    public void stop(Duration timeout) throws InterruptedException {
        running.set(false);
        for (Consumer<?, ?> consumer : consumers) {
            try {
                consumer.wakeup();
            } catch (IllegalStateException closed) {
                // Closed already: nothing to wake.
            }
        }
        if (thread != null) {
            thread.join(timeout.toMillis());
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Registers a consumer of the loop: {@link #stop} wakes it. Returns it. */
    public <C extends Consumer<?, ?>> C wakesOnStop(C consumer) {
        consumers.add(consumer);
        return consumer;
    }

    private void runUntilStopped() {
        while (running.get()) {
            try {
                loop.run();
            } catch (WakeupException e) {
                // Stopping.
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed; starting again in %s", name, restartBackoff);
                pause();
            } finally {
                consumers.clear();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(restartBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
