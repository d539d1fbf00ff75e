package io.chipcast.forecast.portfolio;

import java.math.BigDecimal;

/**
 * What the lines of one {@link CellKey} add up to. Mutable: a tally adds lines to it, or takes them
 * away, one at a time.
 */
public final class CellFigures {

    /** Money with the contract's two decimals, even where nothing was added. */
    private static final BigDecimal NONE = new BigDecimal("0.00");

    long lines;
    long quantity;
    long securedQty;
    long boughtUnits;
    BigDecimal lineCost = NONE;
    long blockedQty;
    BigDecimal atRiskValue = NONE;

    public CellFigures() {
    }

    public CellFigures(long lines, long quantity, long securedQty, long boughtUnits, BigDecimal lineCost, long blockedQty,
            BigDecimal atRiskValue) {
        this.lines = lines;
        this.quantity = quantity;
        this.securedQty = securedQty;
        this.boughtUnits = boughtUnits;
        this.lineCost = lineCost;
        this.blockedQty = blockedQty;
        this.atRiskValue = atRiskValue;
    }

    void add(CellFigures other) {
        lines += other.lines;
        quantity += other.quantity;
        securedQty += other.securedQty;
        boughtUnits += other.boughtUnits;
        lineCost = lineCost.add(other.lineCost);
        blockedQty += other.blockedQty;
        atRiskValue = atRiskValue.add(other.atRiskValue);
    }

    /** Whether these figures add nothing: a difference that moved nothing, or a cell every line left. */
    public boolean isZero() {
        return lines == 0 && quantity == 0 && securedQty == 0 && boughtUnits == 0 && lineCost.signum() == 0 && blockedQty == 0
                && atRiskValue.signum() == 0;
    }

    public long lines() {
        return lines;
    }

    public long quantity() {
        return quantity;
    }

    public long securedQty() {
        return securedQty;
    }

    public long boughtUnits() {
        return boughtUnits;
    }

    public BigDecimal lineCost() {
        return lineCost;
    }

    public long blockedQty() {
        return blockedQty;
    }

    public BigDecimal atRiskValue() {
        return atRiskValue;
    }
}
