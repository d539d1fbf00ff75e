package io.chipcast.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.platform.persistence.DatabaseFailures;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are the database being away (a 503 to retry) rather than a defect (a 500). The
 * classification is the platform's, shared by every service: checked once, here, in plain JUnit.
 */
class DatabaseFailuresTest {

    @Test
    void aConnectionRefusedResetOrShutDownIsTheDatabaseBeingAway() {
        assertThat(DatabaseFailures.isUnavailable(new ConnectException("Connection refused"))).isTrue();
        // Seen when PostgreSQL restarts under an open connection (RecoveryTest).
        assertThat(DatabaseFailures.isUnavailable(new CompletionException(new SocketException("Connection reset")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a defect"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    }
}
