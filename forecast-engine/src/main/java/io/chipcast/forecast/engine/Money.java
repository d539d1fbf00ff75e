package io.chipcast.forecast.engine;

import java.math.BigDecimal;

/** Exact USD arithmetic: amounts and prices always carry two decimals, so equal values are equal objects. */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    static BigDecimal times(long quantity, BigDecimal price) {
        return amount(price.multiply(BigDecimal.valueOf(quantity)));
    }

    /** Prices and amounts have at most two decimals by contract; setting the scale never rounds. */
    static BigDecimal amount(BigDecimal value) {
        return value.setScale(2);
    }

    static BigDecimal price(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }
}
