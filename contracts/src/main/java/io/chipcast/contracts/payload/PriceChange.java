package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A price of a SKU in a market, in effect from {@code effectiveAt} on, which may lie in the future ({@code chip.prices}, key sku). */
public record PriceChange(
        String sku,
        Market market,
        String currency,
        BigDecimal unitPrice,
        Instant effectiveAt,
        String source,
        String note) implements Validated {

    @Override
    public List<Violation> violations() {
        return Checks.start()
                .identifier("sku", sku)
                .require("market", market)
                .currency("currency", currency)
                .positiveMoney("unitPrice", unitPrice)
                .storedInstant("effectiveAt", effectiveAt)
                .optionalText("source", source, 200)
                .optionalText("note", note, 1000)
                .violations();
    }
}
