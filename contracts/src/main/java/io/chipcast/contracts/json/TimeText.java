package io.chipcast.contracts.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Spells instants and dates exactly as {@link Instant#toString()} and {@link LocalDate#toString()}
 * do, into a buffer instead of a new string: a projection holds an instant and a date per line, and
 * {@code DateTimeFormatter}'s instant printer with its strings was a twentieth of the CPU a
 * 100,000-customer fan-out spent writing JSON (JFR, issue 15). Only the years 0001-9999 — every
 * time a payload may hold — are spelled here; {@link #UNSPELLED} says to fall back to
 * {@code toString()} for any other.
 */
final class TimeText {

    /** What {@link #instant} and {@link #date} return for a value outside the years 0001-9999. */
    static final int UNSPELLED = -1;
    /** The longest spelling: {@code 9999-12-31T23:59:59.999999999Z}. */
    static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST = LocalDate.of(1, 1, 1).toEpochDay() * SECONDS_PER_DAY;
    private static final long LAST = (LocalDate.of(9999, 12, 31).toEpochDay() + 1) * SECONDS_PER_DAY - 1;

    private TimeText() {
    }

    /** Spells the instant from the start of the buffer; returns its length, or {@link #UNSPELLED}. */
    static int instant(Instant value, char[] buffer) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return UNSPELLED;
        }
        int position = date(LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY)), buffer);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        buffer[position++] = 'T';
        position = twoDigits(secondOfDay / 3600, buffer, position);
        buffer[position++] = ':';
        position = twoDigits(secondOfDay / 60 % 60, buffer, position);
        buffer[position++] = ':';
        position = twoDigits(secondOfDay % 60, buffer, position);
        position = fraction(value.getNano(), buffer, position);
        buffer[position++] = 'Z';
        return position;
    }

    /** Spells the date from the start of the buffer; returns its length, or {@link #UNSPELLED}. */
    static int date(LocalDate value, char[] buffer) {
        int year = value.getYear();
        if (year < 1 || year > 9999) {
            return UNSPELLED;
        }
        int position = twoDigits(year / 100, buffer, 0);
        position = twoDigits(year % 100, buffer, position);
        buffer[position++] = '-';
        position = twoDigits(value.getMonthValue(), buffer, position);
        buffer[position++] = '-';
        return twoDigits(value.getDayOfMonth(), buffer, position);
    }

    /** As ISO_INSTANT prints it: none, or the fewest of 3, 6 or 9 digits that hold the nanoseconds. */
    private static int fraction(int nanos, char[] buffer, int position) {
        if (nanos == 0) {
            return position;
        }
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
        buffer[position] = '.';
        for (int i = digits; i > 0; i--) {
            buffer[position + i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return position + digits + 1;
    }

    private static int twoDigits(int value, char[] buffer, int position) {
        buffer[position] = (char) ('0' + value / 10);
        buffer[position + 1] = (char) ('0' + value % 10);
        return position + 2;
    }
}
