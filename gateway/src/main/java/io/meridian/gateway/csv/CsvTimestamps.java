package io.meridian.gateway.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the time column of a market-data CSV row into epoch nanoseconds (UTC). Accepted forms:
 * <ul>
 *   <li>ISO date {@code 2024-01-02}: the start of that day in the reader's zone (bars dated by day);</li>
 *   <li>ISO date-time {@code 2024-01-02T15:30}, {@code 2024-01-02T15:30:00}, {@code 2024-01-02T15:30:00.123456789},
 *       with {@code T} or one space between date and time, with a {@code Z} or {@code +01:00}-style offset, or
 *       without one, in which case the time is read in the reader's zone;</li>
 *   <li>epoch milliseconds as 11 to 13 digits (1973-03-03 to 2286-11-20) and epoch nanoseconds as 17 to 19 digits
 *       (1973-03-03 to 2262-04-11). Other digit counts (seconds, microseconds) are rejected as ambiguous rather than
 *       guessed.</li>
 * </ul>
 * Surrounding spaces are allowed. Not thread-safe: one instance per reading thread (it remembers the last error).
 */
public final class CsvTimestamps
{
    /** Returned by {@link #parse} for a field that is not a timestamp; {@link #lastError()} says why. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int DATE_LENGTH = 10;

    private final ZoneId zone;
    private String lastError = "";

    /**
     * A parser for one zone.
     *
     * @param zone the zone of dates and date-times written without an offset.
     */
    public CsvTimestamps(final ZoneId zone)
    {
        this.zone = zone;
    }

    /**
     * The zone of dates and date-times without an offset.
     *
     * @return the zone.
     */
    public ZoneId zone()
    {
        return zone;
    }

    /**
     * Why the last {@link #parse} returned {@link #INVALID}.
     *
     * @return the reason, for people.
     */
    public String lastError()
    {
        return lastError;
    }

    /**
     * Parses a time field.
     *
     * @param field the field.
     * @return epoch nanoseconds, or {@link #INVALID}.
     */
    public long parse(final String field)
    {
        final String text = field.strip();
        if (text.isEmpty())
        {
            return invalid("empty");
        }
        if (allDigits(text))
        {
            return epoch(text);
        }
        if (text.length() < DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-')
        {
            return invalid("not an ISO date, ISO date-time or epoch millis/nanos");
        }
        try
        {
            final LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            if (text.length() == DATE_LENGTH)
            {
                return toNanos(LocalDateTime.of(date, LocalTime.MIDNIGHT), null, 0);
            }
            final char separator = text.charAt(DATE_LENGTH);
            if (separator != 'T' && separator != ' ')
            {
                return invalid("expected 'T' or a space after the date");
            }
            return dateTime(text, date);
        }
        catch (final NumberFormatException | DateTimeException | ArithmeticException ex)
        {
            return invalid(ex.getMessage());
        }
    }

    private long dateTime(final String text, final LocalDate date)
    {
        int i = DATE_LENGTH + 1;
        final int hour = digits(text, i, i + 2);
        i += 2;
        expect(text, i++, ':');
        final int minute = digits(text, i, i + 2);
        i += 2;
        int second = 0;
        int nanos = 0;
        if (i < text.length() && text.charAt(i) == ':')
        {
            second = digits(text, i + 1, i + 3);
            i += 3;
            if (i < text.length() && text.charAt(i) == '.')
            {
                i++;
                int count = 0;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && count < 9)
                {
                    nanos = nanos * 10 + (text.charAt(i) - '0');
                    i++;
                    count++;
                }
                if (count == 0)
                {
                    throw new NumberFormatException("no digits after the decimal point of the seconds");
                }
                for (; count < 9; count++)
                {
                    nanos *= 10;
                }
            }
        }
        final LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
        if (i == text.length())
        {
            return toNanos(local, null, nanos);
        }
        return toNanos(local, offset(text, i), nanos);
    }

    private static ZoneOffset offset(final String text, final int at)
    {
        final String rest = text.substring(at);
        if ("Z".equals(rest))
        {
            return ZoneOffset.UTC;
        }
        final char sign = rest.charAt(0);
        if ((sign != '+' && sign != '-') || rest.length() != 6 || rest.charAt(3) != ':')
        {
            throw new NumberFormatException("unexpected '" + rest + "' after the time (an offset is Z or +HH:MM)");
        }
        final int hours = digits(rest, 1, 3);
        final int minutes = digits(rest, 4, 6);
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    private long toNanos(final LocalDateTime local, final ZoneOffset offset, final int nanoOfSecond)
    {
        final ZoneOffset applied = offset != null ? offset : zone.getRules().getOffset(local);
        final long seconds = local.toEpochSecond(applied);
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanoOfSecond);
    }

    private long epoch(final String text)
    {
        final int length = text.length();
        if (length >= 11 && length <= 13)
        {
            return Long.parseLong(text) * 1_000_000L;
        }
        if (length >= 17 && length <= 19)
        {
            try
            {
                return Long.parseLong(text);
            }
            catch (final NumberFormatException ex)
            {
                return invalid("epoch nanos out of range");
            }
        }
        return invalid("epoch value with " + length + " digits: millis have 11-13 digits, nanos 17-19");
    }

    private long invalid(final String why)
    {
        lastError = why;
        return INVALID;
    }

    private static boolean allDigits(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static void expect(final String text, final int at, final char expected)
    {
        if (at >= text.length() || text.charAt(at) != expected)
        {
            throw new NumberFormatException("expected '" + expected + "' at character " + (at + 1));
        }
    }

    private static int digits(final String text, final int from, final int to)
    {
        if (to > text.length())
        {
            throw new NumberFormatException("too short: '" + text + "'");
        }
        int value = 0;
        for (int i = from; i < to; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw new NumberFormatException("expected a digit at character " + (i + 1) + ", found '" + c + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
