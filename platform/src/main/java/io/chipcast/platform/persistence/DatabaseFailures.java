package io.chipcast.platform.persistence;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

/** Tells a database that cannot be reached (restarting, unreachable, shutting down) from a failed statement. */
public final class DatabaseFailures {

    private static final int MAX_CAUSES = 20;

    private DatabaseFailures() {
    }

    /**
     * Whether a failure, or one of its causes, says the database is unavailable: a refused, reset or
     * lost connection, a pool that timed out waiting for one, PostgreSQL's connection-exception (08xxx)
     * and operator-intervention (57Pxx: shutting down, starting up) states, or the reactive client's
     * own word for a connection that closed under it.
     */
    public static boolean isUnavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            // SocketException: refused (ConnectException), reset or broken while PostgreSQL restarts.
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException || cause instanceof NoStackTraceTimeoutException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            // "Connection is not active now, current status: CLOSED", "Connection was closed": no type of their own.
            if ((cause instanceof NoStackTraceThrowable || cause instanceof VertxException) && cause.getMessage() != null
                    && cause.getMessage().contains("onnection")) {
                return true;
            }
        }
        return false;
    }
}
