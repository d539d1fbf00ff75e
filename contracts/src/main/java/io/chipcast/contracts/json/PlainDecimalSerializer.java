package io.chipcast.contracts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes a decimal plain, exactly as {@link BigDecimal#toPlainString()} spells it, without making
 * that string: a projection holds some twenty amounts, and their strings (a {@code Long.toString},
 * a builder and its copies each) were a tenth of what a 100,000-customer fan-out allocated (JFR,
 * issue 15). Amounts of up to {@value #MAX_DIGITS} digits with a scale of 0 to {@value #MAX_DIGITS}
 * — every amount and price chipcast has — are spelled into a buffer of the writing thread; any
 * other decimal is written the usual way.
 */
final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

    /** Digits of the unscaled value that a long always holds, sign aside. */
    static final int MAX_DIGITS = 18;
    /** A sign, the digits, a point and a leading zero: 21; room to spare. */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[24]);

    PlainDecimalSerializer() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_DIGITS || value.precision() > MAX_DIGITS) {
            generator.writeNumber(value);
            return;
        }
        char[] buffer = BUFFER.get();
        int start = spell(value.scaleByPowerOfTen(scale).longValueExact(), scale, buffer);
        generator.writeNumber(buffer, start, buffer.length - start);
    }

    /**
     * Spells {@code unscaled × 10^-scale} plainly at the end of {@code buffer}: the integer digits
     * (at least one), then a point and exactly {@code scale} digits when the scale is positive.
     *
     * @return where the spelling starts in the buffer
     */
    static int spell(long unscaled, int scale, char[] buffer) {
        // |unscaled| < 10^18, so its negation cannot overflow.
        long rest = Math.abs(unscaled);
        int position = buffer.length;
        for (int i = 0; i < scale; i++) {
            buffer[--position] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        if (scale > 0) {
            buffer[--position] = '.';
        }
        do {
            buffer[--position] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (unscaled < 0) {
            buffer[--position] = '-';
        }
        return position;
    }
}
