package io.chipcast.pricing.repository;

import io.chipcast.contracts.payload.CatalogEntry;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A SKU of the catalog, as last put. */
@Entity
@Table(name = "sku")
public class SkuEntity extends PanacheEntityBase {

    @Id
    public String sku;

    @Column(nullable = false)
    public String vendor;

    @Column(nullable = false)
    public String family;

    @Column(nullable = false)
    public BigDecimal tpp;

    @Column(name = "performance_density", nullable = false)
    public BigDecimal performanceDensity;

    @Column(name = "memory_gb")
    public Integer memoryGb;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Up to {@code count} SKUs in SKU order, those after {@code after} (from the first when null). */
    public static Uni<List<SkuEntity>> bySku(String after, int count) {
        return (after == null ? SkuEntity.<SkuEntity>findAll(Sort.by("sku")) : SkuEntity.<SkuEntity>find("sku > ?1", Sort.by("sku"), after))
                .range(0, count - 1).list();
    }

    public void apply(CatalogEntry entry, Instant now) {
        sku = entry.sku();
        vendor = entry.vendor();
        family = entry.family();
        tpp = entry.tpp();
        performanceDensity = entry.performanceDensity();
        memoryGb = entry.memoryGb();
        updatedAt = now;
    }

    public CatalogEntry toEntry() {
        return new CatalogEntry(sku, vendor, family, tpp, performanceDensity, memoryGb);
    }
}
