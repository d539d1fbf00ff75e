package io.chipcast.contracts.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC section 3: when a RESTRICT ruling covers a SKU. */
class RulingScopeTest {

    private static final BigDecimal H100_TPP = new BigDecimal("15832");
    private static final BigDecimal H100_DENSITY = new BigDecimal("19.45");
    private static final BigDecimal H20_TPP = new BigDecimal("2368");
    private static final BigDecimal H20_DENSITY = new BigDecimal("2.91");

    @Test
    void coversListedSkusWhateverTheirFigures() {
        RulingScope scope = new RulingScope(List.of("A800-SXM4-80G"), null, null);

        assertThat(scope.covers("A800-SXM4-80G", null, null)).isTrue();
        assertThat(scope.covers("H100-SXM5-80G", H100_TPP, H100_DENSITY)).isFalse();
    }

    @Test
    void aTppThresholdCoversEverySkuAtOrAboveIt() {
        RulingScope scope = new RulingScope(List.of(), new BigDecimal("4800"), null);

        assertThat(scope.covers("H100-SXM5-80G", H100_TPP, H100_DENSITY)).isTrue();
        assertThat(scope.covers("EXACT", new BigDecimal("4800"), BigDecimal.ZERO)).isTrue();
        assertThat(scope.covers("H20-96G", H20_TPP, H20_DENSITY)).isFalse();
        assertThat(scope.covers("NOT-IN-CATALOG", null, null)).isFalse();
    }

    @Test
    void aDensityThresholdNarrowsTheTppThreshold() {
        RulingScope scope = new RulingScope(null, new BigDecimal("2400"), new BigDecimal("5.92"));

        assertThat(scope.covers("H100-SXM5-80G", H100_TPP, H100_DENSITY)).isTrue();
        assertThat(scope.covers("DENSE-ENOUGH-TPP-TOO-LOW", H20_TPP, H100_DENSITY)).isFalse();
        assertThat(scope.covers("HIGH-TPP-SPARSE", H100_TPP, new BigDecimal("5.91"))).isFalse();
        assertThat(scope.skus()).isEmpty();
    }
}
