package io.chipcast.supply.repository;

import io.chipcast.contracts.payload.Ruling;
import io.chipcast.contracts.payload.RulingAction;
import io.chipcast.platform.persistence.PublishedPayloadEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An export-control ruling as last issued or amended; the full payload is kept as published. */
@Entity
@Table(name = "ruling")
public class RulingEntity extends PublishedPayloadEntity {

    @Id
    @Column(name = "ruling_id")
    public String rulingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RulingAction action;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    public String lifts;

    /** Up to {@code count} rulings in effective order, those after ruling {@code after} (from the first when null). */
    public static Uni<List<RulingEntity>> inEffectOrder(String after, int count) {
        return (after == null
                ? RulingEntity.<RulingEntity>find("order by effectiveAt, rulingId")
                : RulingEntity.<RulingEntity>find("effectiveAt > (select r.effectiveAt from RulingEntity r where r.rulingId = ?1)"
                        + " or (effectiveAt = (select r.effectiveAt from RulingEntity r where r.rulingId = ?1) and rulingId > ?1)"
                        + " order by effectiveAt, rulingId", after))
                .range(0, count - 1).list();
    }

    public void apply(Ruling ruling, UUID event, Instant now) {
        rulingId = ruling.rulingId();
        action = ruling.action();
        effectiveAt = ruling.effectiveAt();
        lifts = ruling.lifts();
        published(ruling, event, now);
    }

    public Ruling toPayload() {
        return payloadAs(Ruling.class);
    }
}
