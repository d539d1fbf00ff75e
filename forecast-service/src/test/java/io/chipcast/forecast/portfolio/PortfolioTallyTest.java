package io.chipcast.forecast.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.payload.Cause;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.payload.ProjectionLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a batch adds to the portfolio: each new version counted, the one it replaces taken away. */
class PortfolioTallyTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aSubstitutedLineCountsItsCostUnderItsOwnSkuAndItsUnitsUnderTheSubstitute() {
        PortfolioTally tally = new PortfolioTally();
        tally.add(2, projection(1, line("H100", LineStatus.SUBSTITUTED, 10, "H20", 30, "900.00", 0, "0.00")), "CN");

        assertThat(tally.cellRows()).hasSize(2);
        CellFigures own = tally.cellsInAll().get(new CellKey("H100", "CN", LineStatus.SUBSTITUTED));
        assertThat(own.lines()).isEqualTo(1);
        assertThat(own.quantity()).isEqualTo(10);
        assertThat(own.boughtUnits()).isZero();
        assertThat(own.lineCost()).isEqualByComparingTo("900.00");
        CellFigures bought = tally.cellsInAll().get(new CellKey("H20", "CN", LineStatus.SUBSTITUTED));
        assertThat(bought.lines()).as("not a line of its own").isZero();
        assertThat(bought.boughtUnits()).isEqualTo(30);
        assertThat(tally.customersInAll()).containsEntry("CN", 1L);
        assertThat(tally.latestComputedAt()).containsEntry(2, AT);
    }

    @Test
    void aNewVersionReplacesTheOldOneAndACustomerMovingCountryLeavesTheOldOne() {
        Projection before = projection(1, line("H100", LineStatus.BLOCKED, 10, null, 0, "0.00", 10, "250000.00"));
        Projection after = projection(2, line("H100", LineStatus.OPEN, 10, "H100", 10, "260000.00", 0, "0.00"));
        PortfolioTally tally = new PortfolioTally();
        tally.replace(0, before, "CN", after, "US");

        assertThat(tally.customerRows()).containsExactlyInAnyOrder(new PortfolioTally.CustomerRow(0, "CN", -1),
                new PortfolioTally.CustomerRow(0, "US", 1));
        CellFigures left = tally.cellsInAll().get(new CellKey("H100", "CN", LineStatus.BLOCKED));
        assertThat(left.lines()).isEqualTo(-1);
        assertThat(left.atRiskValue()).isEqualByComparingTo("-250000.00");
        assertThat(tally.cellsInAll().get(new CellKey("H100", "US", LineStatus.OPEN)).lineCost()).isEqualByComparingTo("260000.00");
    }

    @Test
    void aVersionThatMovesNothingTheTallyCountsLeavesNoRows() {
        Projection first = projection(1, line("H100", LineStatus.OPEN, 10, "H100", 10, "260000.00", 0, "0.00"));
        Projection same = projection(2, line("H100", LineStatus.OPEN, 10, "H100", 10, "260000.00", 0, "0.00"));
        PortfolioTally tally = new PortfolioTally();
        tally.replace(0, first, "US", same, "US");

        assertThat(tally.cellRows()).isEmpty();
        assertThat(tally.customerRows()).isEmpty();
        assertThat(tally.isEmpty()).as("its time is still news").isFalse();
    }

    @Test
    void rowsComeByPartitionThenCellWhateverOrderTheLinesCameIn() {
        PortfolioTally tally = new PortfolioTally();
        tally.add(3, projection(1, line("MI300X", LineStatus.OPEN, 5, "MI300X", 5, "100.00", 0, "0.00")), "US");
        tally.add(1, projection(1, line("H20", LineStatus.OPEN, 5, "H20", 5, "100.00", 0, "0.00")), "US");
        tally.add(3, projection(1, line("H100", LineStatus.BLOCKED, 5, null, 0, "0.00", 5, "100.00")), "CN");
        tally.add(3, projection(1, line("H100", LineStatus.OPEN, 5, "H100", 5, "100.00", 0, "0.00")), "US");
        tally.add(3, projection(1, line("H100", LineStatus.OPEN, 5, "H100", 5, "100.00", 0, "0.00")), "CN");

        assertThat(tally.cellRows()).extracting(row -> row.partition() + " " + row.key().sku() + " " + row.key().country() + " "
                + row.key().status()).containsExactly("1 H20 US OPEN", "3 H100 CN OPEN", "3 H100 CN BLOCKED", "3 H100 US OPEN",
                        "3 MI300X US OPEN");
    }

    @Test
    void aLineKeptFromThePreviousVersionCountsAsItDidUnlessTheCustomerMovedCountry() {
        ProjectionLine kept = line("MI300X", LineStatus.OPEN, 5, "MI300X", 5, "100.00", 0, "0.00");
        Projection before = projection(1, List.of(kept, line("H100", LineStatus.OPEN, 10, "H100", 10, "1000.00", 0, "0.00")));
        Projection after = projection(2, List.of(kept, line("H100", LineStatus.OPEN, 10, "H100", 10, "1100.00", 0, "0.00")));

        PortfolioTally stayed = new PortfolioTally();
        stayed.replace(0, before, "US", after, "US");
        assertThat(stayed.cellRows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo(new CellKey("H100", "US", LineStatus.OPEN));
            assertThat(row.figures().lines()).isZero();
            assertThat(row.figures().lineCost()).isEqualByComparingTo("100.00");
        });
        assertThat(stayed.customerRows()).isEmpty();

        PortfolioTally moved = new PortfolioTally();
        moved.replace(0, before, "US", after, "CN");
        assertThat(moved.cellsInAll().get(new CellKey("MI300X", "US", LineStatus.OPEN)).lines()).isEqualTo(-1);
        assertThat(moved.cellsInAll().get(new CellKey("MI300X", "CN", LineStatus.OPEN)).lines()).isEqualTo(1);
        assertThat(moved.customerRows()).containsExactlyInAnyOrder(new PortfolioTally.CustomerRow(0, "US", -1),
                new PortfolioTally.CustomerRow(0, "CN", 1));
    }

    private static Projection projection(long version, List<ProjectionLine> lines) {
        BigDecimal cost = lines.stream().map(ProjectionLine::lineCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Projection("acme", 1L, cost, BigDecimal.ZERO, lines, version, AT, new Cause("e", "t"));
    }

    private static Projection projection(long version, ProjectionLine line) {
        return new Projection("acme", 1L, line.lineCost(), line.atRiskValue(), List.of(line), version, AT, new Cause("e", "t"));
    }

    private static ProjectionLine line(String sku, LineStatus status, long quantity, String boughtSku, long boughtUnits, String cost,
            long blockedQty, String atRisk) {
        return new ProjectionLine("L1", sku, quantity, LocalDate.parse("2027-01-01"), status, 0L, 0L, quantity - 0L, boughtSku,
                boughtSku == null ? null : boughtUnits, null, null, new BigDecimal(cost), blockedQty, new BigDecimal(atRisk));
    }
}
