package io.chipcast.contracts.payload;

import io.chipcast.contracts.validation.Checks;
import io.chipcast.contracts.validation.Validated;
import io.chipcast.contracts.validation.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The projection of one plan line. {@code boughtSku}/{@code boughtUnits} are what is left to buy
 * (the line's SKU or its substitute), {@code unitPrice} its list price and {@code spotUnitPrice}
 * the price of late units; both are null where they do not apply.
 */
public record ProjectionLine(
        String lineId,
        String sku,
        Long quantity,
        LocalDate needBy,
        LineStatus status,
        Long securedQty,
        Long delayedQty,
        Long remainingQty,
        String boughtSku,
        Long boughtUnits,
        BigDecimal unitPrice,
        BigDecimal spotUnitPrice,
        BigDecimal lineCost,
        Long blockedQty,
        BigDecimal atRiskValue) implements Validated {

    @Override
    public List<Violation> violations() {
        return Checks.start()
                .identifier("lineId", lineId)
                .identifier("sku", sku)
                .positive("quantity", quantity)
                .require("needBy", needBy)
                .require("status", status)
                .require("securedQty", securedQty)
                .require("delayedQty", delayedQty)
                .require("remainingQty", remainingQty)
                .optionalIdentifier("boughtSku", boughtSku)
                .require("boughtUnits", boughtUnits)
                .nonNegative("lineCost", lineCost)
                .require("blockedQty", blockedQty)
                .nonNegative("atRiskValue", atRiskValue)
                .violations();
    }
}
