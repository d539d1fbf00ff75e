package io.chipcast.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a decimal the way it reads back once written: chipcast writes decimals plain, so a client's
 * {@code 1E+2} is published as {@code 100}, and the consumer must hold what the publisher held. A
 * negative scale is therefore made 0 on reading — only for numbers a payload could accept (at most
 * {@value #PLAIN_DIGITS} digits): expanding 1E+100000 would be work for a value that is refused anyway.
 */
final class PlainDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {

    private static final int PLAIN_DIGITS = 40;

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        BigDecimal value = super.deserialize(parser, context);
        if (value != null && value.scale() < 0 && (long) value.precision() - value.scale() <= PLAIN_DIGITS) {
            return value.setScale(0);
        }
        return value;
    }
}
