package io.chipcast.platform.idempotency;

import io.chipcast.platform.outbox.OutboxRelay;
import io.chipcast.platform.rest.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Runs a write in one database transaction together with its outbox events and its
 * Idempotency-Key record, then wakes the outbox relay. The same key with the same request answers
 * what the first one answered and appends nothing; the same key with another request is a 422.
 */
@ApplicationScoped
public class TransactionalWrites {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final SecurityIdentity identity;

    @Inject
    public TransactionalWrites(OutboxRelay relay, MeterRegistry meters, SecurityIdentity identity) {
        this.relay = relay;
        this.meters = meters;
        this.identity = identity;
    }

    /**
     * @param idempotencyKey the header's value, or null; keys are scoped to the caller, so two clients never share one
     * @param request        the method, path and body, for recognising a retry of the same request
     */
    public Uni<WriteResult> execute(String idempotencyKey, String request, Supplier<Uni<WriteResult>> write) {
        if (idempotencyKey == null) {
            return committed(Panache.withTransaction(write));
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            return Uni.createFrom().failure(ProblemException.badRequest(IDEMPOTENCY_KEY,
                    "must be 1-200 visible ASCII characters"));
        }
        String key = identity.getPrincipal().getName() + ":" + idempotencyKey;
        String hash = sha256(request);
        Uni<WriteResult> attempt = Panache.withTransaction(() -> IdempotencyRecord.<IdempotencyRecord>findById(key)
                .chain(existing -> existing != null
                        ? replay(existing, hash)
                        : write.get().call(result -> remember(key, hash, result))));
        return committed(attempt)
                // A concurrent request with the same key won the race: answer what it answered.
                .onFailure(ConstraintViolationException.class).recoverWithUni(() -> Panache.withSession(
                        () -> IdempotencyRecord.<IdempotencyRecord>findById(key).chain(existing -> replay(existing, hash))));
    }

    private Uni<WriteResult> committed(Uni<WriteResult> transaction) {
        return transaction.invoke(result -> {
            result.events().forEach(event -> meters.counter("chipcast.events.accepted", "type", event.type()).increment());
            if (!result.events().isEmpty()) {
                relay.wakeUp();
            }
        });
    }

    private static Uni<WriteResult> replay(IdempotencyRecord existing, String hash) {
        if (existing == null || !existing.requestHash.equals(hash)) {
            return Uni.createFrom().failure(ProblemException.unprocessable(IDEMPOTENCY_KEY,
                    "was already used for a different request"));
        }
        return Uni.createFrom().item(WriteResult.replay(existing.responseStatus, existing.responseBody));
    }

    private static Uni<Void> remember(String key, String hash, WriteResult result) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key;
        record.requestHash = hash;
        record.responseStatus = result.status();
        record.responseBody = result.body();
        record.createdAt = Instant.now();
        return record.persist().replaceWithVoid();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
