package io.chipcast.pricing.repository;

import io.chipcast.contracts.payload.Market;
import io.chipcast.contracts.payload.PriceChange;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A price change as accepted; {@code id} is the arrival order that breaks ties between equal {@code effectiveAt}. */
@Entity
@Table(name = "price_change")
public class PriceChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String sku;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Market market;

    @Column(nullable = false)
    public String currency;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "effective_at", nullable = false)
    public Instant effectiveAt;

    public String source;

    public String note;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static PriceChangeEntity of(PriceChange change, UUID eventId, Instant receivedAt) {
        PriceChangeEntity entity = new PriceChangeEntity();
        entity.eventId = eventId;
        entity.sku = change.sku();
        entity.market = change.market();
        entity.currency = change.currency();
        entity.unitPrice = change.unitPrice();
        entity.effectiveAt = change.effectiveAt();
        entity.source = change.source();
        entity.note = change.note();
        entity.receivedAt = receivedAt;
        return entity;
    }

    /** SPEC section 4's price(S, M, T): the latest change effective at or before T, the last received on a tie. */
    public static Uni<PriceChangeEntity> inEffect(String sku, Market market, Instant asOf) {
        return find("sku = ?1 and market = ?2 and effectiveAt <= ?3 order by effectiveAt desc, id desc", sku, market, asOf)
                .firstResult();
    }

    /** Every change of a SKU (of one market, when given) in the order they take effect, ties in arrival order. */
    /**
     * Up to {@code count} price changes of a SKU (in one market, or both when null) in the order that
     * decides prices — effective time, then arrival — those after the change of event {@code after}
     * (from the first when null).
     */
    public static Uni<List<PriceChangeEntity>> history(String sku, Market market, UUID after, int count) {
        StringBuilder query = new StringBuilder("sku = :sku");
        Parameters parameters = Parameters.with("sku", sku);
        if (market != null) {
            query.append(" and market = :market");
            parameters.and("market", market);
        }
        if (after != null) {
            query.append(" and (effectiveAt > (select c.effectiveAt from PriceChangeEntity c where c.eventId = :after)")
                    .append(" or (effectiveAt = (select c.effectiveAt from PriceChangeEntity c where c.eventId = :after)")
                    .append(" and id > (select c.id from PriceChangeEntity c where c.eventId = :after)))");
            parameters.and("after", after);
        }
        return PriceChangeEntity.<PriceChangeEntity>find(query.append(" order by effectiveAt, id").toString(), parameters)
                .range(0, count - 1).list();
    }

    public PriceChange toPayload() {
        return new PriceChange(sku, market, currency, unitPrice, effectiveAt, source, note);
    }
}
