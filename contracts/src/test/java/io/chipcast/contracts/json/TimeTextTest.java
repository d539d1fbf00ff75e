package io.chipcast.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Instants and dates are written exactly as their {@code toString} spells them, in range or not. */
class TimeTextTest {

    private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void writesEveryInstantAsItsToString() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(FIRST), Instant.ofEpochSecond(LAST, 999_999_999),
                Instant.ofEpochSecond(FIRST - 1), Instant.ofEpochSecond(LAST + 1), Instant.MIN, Instant.MAX,
                Instant.parse("2026-12-03T10:15:30.100Z"), Instant.parse("2026-12-03T10:15:30.000100Z"),
                Instant.parse("2026-12-03T10:15:30.000000100Z"), Instant.parse("1969-12-31T23:59:59.999999999Z")));
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            long seconds = FIRST + (long) (random.nextDouble() * (LAST - FIRST + 10)) - 5;
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            assertThat(written(new At(instant))).as("%s", instant).isEqualTo("{\"at\":\"" + instant + "\"}");
        }
    }

    @Test
    void writesEveryDateAsItsToString() {
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(0, 12, 31),
                LocalDate.of(10000, 1, 1), LocalDate.of(-5, 3, 4), LocalDate.of(2028, 2, 29), LocalDate.MIN, LocalDate.MAX));
        Random random = new Random(15);
        for (int i = 0; i < 20_000; i++) {
            dates.add(LocalDate.ofEpochDay(LocalDate.of(-100, 1, 1).toEpochDay()
                    + random.nextInt((int) (LocalDate.of(10100, 1, 1).toEpochDay() - LocalDate.of(-100, 1, 1).toEpochDay()))));
        }
        for (LocalDate date : dates) {
            assertThat(written(new On(date))).as("%s", date).isEqualTo("{\"on\":\"" + date + "\"}");
        }
    }

    private static String written(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    record At(Instant at) {
    }

    record On(LocalDate on) {
    }
}
