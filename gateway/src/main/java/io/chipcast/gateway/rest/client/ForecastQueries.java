package io.chipcast.gateway.rest.client;

import io.chipcast.platform.rest.Problem;
import io.chipcast.platform.rest.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.chipcast.platform.metrics.Timers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The gateway's calls to forecast-service (ADR 008): each bounded in time, retried a couple of
 * times when forecast-service fails or cannot be reached (never when it answers 4xx: that is the
 * answer), and cut off by a circuit breaker while it keeps failing, so that callers get a fast 503
 * instead of piling up. Every call is safe to repeat: none changes anything. The policy is the
 * class's; each method still has its own breaker.
 */
@ApplicationScoped
@Timeout(3000)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = CircuitBreakerOpenException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
public class ForecastQueries {

    private final ForecastClient client;
    private final ForecastOverviewClient overviewClient;
    private final MeterRegistry meters;

    @Inject
    public ForecastQueries(@RestClient ForecastClient client, @RestClient ForecastOverviewClient overviewClient, MeterRegistry meters) {
        this.client = client;
        this.overviewClient = overviewClient;
        this.meters = meters;
    }

    public Uni<Upstream> projection(String customerId, String authorization) {
        return timed("projection", () -> client.projection(customerId, authorization));
    }

    /** A page of the history: {@code limit} and {@code after} are passed on as the caller gave them (null when absent). */
    public Uni<Upstream> history(String customerId, String authorization, String limit, String after) {
        return timed("history", () -> client.history(customerId, authorization, limit, after));
    }

    /** A page of every customer's alerts the caller may read; the parameters are passed on as the caller gave them. */
    public Uni<Upstream> alerts(String authorization, String since, String limit, String after, List<String> type, List<String> severity,
            List<String> customerId) {
        return timed("alerts", () -> overviewClient.alerts(authorization, since, limit, after, type, severity, customerId));
    }

    /** The portfolio of the customers the caller may read; the parameters are passed on as the caller gave them. */
    public Uni<Upstream> portfolio(String authorization, String since, String top, List<String> customerId) {
        return timed("portfolio", () -> overviewClient.portfolio(authorization, since, top, customerId));
    }

    /** It recomputes: more time than a read. */
    @Timeout(5000)
    public Uni<Upstream> whatIf(String customerId, String authorization, String body) {
        return timed("what-if", () -> client.whatIf(customerId, authorization, body));
    }

    /**
     * A call to forecast-service as its caller answers it: its failures (not its answers, nor our
     * own problems) are a 503 naming it. Applied around the call, outside this bean's retries and
     * breaker, which must see the failures themselves; and around the call only: the gateway's own
     * database failing is not forecast-service's doing.
     */
    public static Uni<Upstream> fromForecast(Uni<Upstream> call) {
        return call.onFailure(failure -> !(failure instanceof ProblemException)).transform(ForecastQueries::unavailable);
    }

    /** What the caller gets when forecast-service could not answer: a 503 problem, never a 500. */
    private static Throwable unavailable(Throwable failure) {
        String why = failure instanceof CircuitBreakerOpenException ? "it failed repeatedly; calls resume shortly"
                : failure instanceof TimeoutException ? "it did not answer in time" : "it could not be reached or failed";
        return new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "forecast-unavailable",
                "forecast-service is unavailable: " + why));
    }

    /**
     * One call, timed per endpoint and outcome. A 4xx is an answer and passes through; a 5xx fails
     * (and is retried).
     */
    private Uni<Upstream> timed(String endpoint, Supplier<Uni<RestResponse<String>>> call) {
        long started = System.nanoTime();
        return call.get()
                .map(response -> new Upstream(response.getStatus(), response.getEntity(), Upstream.nextAfter(response.getLink("next"))))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    Response response = ((WebApplicationException) failure).getResponse();
                    return response.getStatus() >= 500
                            ? Uni.createFrom().failure(new UpstreamFailure(response.getStatus()))
                            : Uni.createFrom().item(new Upstream(response.getStatus(), response.readEntity(String.class), null));
                })
                .onItemOrFailure().invoke((upstream, failure) -> Timers.histogram("chipcast.gateway.query",
                        "Calls from the gateway to forecast-service").tag("endpoint", endpoint)
                        .tag("outcome", failure != null ? "failure" : upstream.isOk() ? "ok" : "client-error").register(meters)
                        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    /** forecast-service answered with a server error. */
    static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure(int status) {
            super("forecast-service answered " + status);
        }
    }
}
