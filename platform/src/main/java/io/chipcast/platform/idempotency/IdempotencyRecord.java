package io.chipcast.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first response given to an Idempotency-Key, kept to answer a retry of the same request with it. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    /** SHA-256 of the request (method, path, body): the same key with another request is refused. */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false)
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
