package io.chipcast.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimals are written exactly as {@code toPlainString} spells them, whichever way the serializer takes. */
class PlainDecimalSerializerTest {

    @Test
    void writesEveryDecimalAsItsPlainString() {
        for (BigDecimal value : decimals()) {
            assertThat(new String(Json.write(new Holder(value)), java.nio.charset.StandardCharsets.UTF_8))
                    .as("%s (unscaled %s, scale %d)", value, value.unscaledValue(), value.scale())
                    .isEqualTo("{\"amount\":" + value.toPlainString() + "}");
        }
    }

    @Test
    void spellsTheLargestAmountsItTakes() {
        char[] buffer = new char[24];
        long largest = 999_999_999_999_999_999L;
        int start = PlainDecimalSerializer.spell(-largest, 18, buffer);
        assertThat(new String(buffer, start, buffer.length - start)).isEqualTo(BigDecimal.valueOf(-largest, 18).toPlainString());
        start = PlainDecimalSerializer.spell(largest, 0, buffer);
        assertThat(new String(buffer, start, buffer.length - start)).isEqualTo(String.valueOf(largest));
    }

    private static List<BigDecimal> decimals() {
        List<BigDecimal> values = new ArrayList<>(List.of(
                new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("0.05"), new BigDecimal("-0.05"),
                new BigDecimal("26000.00"), new BigDecimal("-1.5"), new BigDecimal("100"), new BigDecimal("1E+3"),
                new BigDecimal("12345678901234567.89"), new BigDecimal("123456789012345678.9"),
                new BigDecimal("0.000000000000000001"), new BigDecimal("0.0000000000000000001"),
                new BigDecimal("99999999999999999999999.99"), new BigDecimal(BigInteger.TEN.pow(30), 2)));
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() / (1L << random.nextInt(63));
            values.add(BigDecimal.valueOf(unscaled, random.nextInt(24) - 3));
        }
        return values;
    }

    record Holder(BigDecimal amount) {
    }
}
