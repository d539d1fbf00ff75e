package io.chipcast.gateway.repository;

import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Severity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The webhook subscriptions, in the gateway's database: shared by every gateway instance. */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final String COLUMNS = "id, url, secret, types, severities, customers, state, last_error, created_at";

    private final Pool pool;

    @Inject
    public WebhookSubscriptions(Pool pool) {
        this.pool = pool;
    }

    public Uni<WebhookSubscription> create(WebhookSubscription subscription) {
        return pool.preparedQuery("INSERT INTO webhook_subscription (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(Arrays.asList(subscription.id(), subscription.url().toString(), subscription.secret(),
                        names(subscription.types()), names(subscription.severities()), subscription.customers().toArray(String[]::new),
                        subscription.state().name(), subscription.lastError(), subscription.createdAt().atOffset(ZoneOffset.UTC))))
                .replaceWith(subscription);
    }

    /** Every subscription, oldest first. */
    public Uni<List<WebhookSubscription>> all() {
        return pool.query("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at, id").execute().map(rows -> {
            List<WebhookSubscription> subscriptions = new ArrayList<>(rows.size());
            rows.forEach(row -> subscriptions.add(read(row)));
            return subscriptions;
        });
    }

    public Uni<Optional<WebhookSubscription>> find(UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /** Whether there was such a subscription to delete. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM webhook_subscription WHERE id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    /** Active again, from the alert whose delivery gave up; empty when there is no such subscription. */
    public Uni<Optional<WebhookSubscription>> resume(UUID id) {
        return pool.preparedQuery("UPDATE webhook_subscription SET state = 'ACTIVE', last_error = NULL WHERE id = $1").execute(Tuple.of(id))
                .chain(() -> find(id));
    }

    /** Marks the subscription failing: its delivery gave up, for this reason. */
    public Uni<Void> failing(UUID id, String reason) {
        return pool.preparedQuery("UPDATE webhook_subscription SET state = 'FAILING', last_error = $2 WHERE id = $1")
                .execute(Tuple.of(id, reason)).replaceWithVoid();
    }

    private static WebhookSubscription read(Row row) {
        return new WebhookSubscription(row.getUUID("id"), URI.create(row.getString("url")), row.getString("secret"),
                constants(row.getArrayOfStrings("types"), AlertType::valueOf), constants(row.getArrayOfStrings("severities"), Severity::valueOf),
                Set.of(row.getArrayOfStrings("customers")), WebhookSubscription.State.valueOf(row.getString("state")),
                row.getString("last_error"), row.getOffsetDateTime("created_at").toInstant());
    }

    private static <E> Set<E> constants(String[] names, Function<String, E> constant) {
        return Arrays.stream(names).map(constant).collect(Collectors.toUnmodifiableSet());
    }

    private static String[] names(Set<? extends Enum<?>> constants) {
        return constants.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
