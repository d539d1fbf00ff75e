package io.chipcast.forecast.portfolio;

import io.chipcast.contracts.payload.LineStatus;
import java.util.Comparator;

/** Where a plan line counts in the portfolio: a SKU, the customer's destination country and the line's status. */
public record CellKey(String sku, String country, LineStatus status) implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::sku).thenComparing(CellKey::country)
            .thenComparing(CellKey::status);

    /** Rows are written in this order, so that two transactions never wait for each other's rows in turn. */
    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}
