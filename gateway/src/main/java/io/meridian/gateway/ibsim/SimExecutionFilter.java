package io.meridian.gateway.ibsim;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time of a REQ_EXECUTIONS filter and of an execution, as the simulator reads them (IB's documented forms):
 * {@code yyyyMMdd HH:mm:ss}, optionally followed by a space and a time zone ({@code UTC}, {@code US/Eastern}, ...;
 * without one the simulator's own zone, UTC), or {@code yyyyMMdd-HH:mm:ss} in UTC. IB reports only the executions
 * after the filter's time.
 */
final class SimExecutionFilter
{
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");
    private static final DateTimeFormatter UTC_DASH = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss");
    private static final int DATE_TIME_LENGTH = 17;

    private SimExecutionFilter()
    {
    }

    /**
     * Reads a time.
     *
     * @param text the field, empty for no time.
     * @return the instant, or null when the field is empty.
     * @throws DateTimeParseException when it is in none of the forms.
     */
    static Instant time(final String text)
    {
        if (text.isEmpty())
        {
            return null;
        }
        if (text.length() == DATE_TIME_LENGTH && text.charAt(8) == '-')
        {
            return LocalDateTime.parse(text, UTC_DASH).toInstant(ZoneOffset.UTC);
        }
        if (text.length() < DATE_TIME_LENGTH || (text.length() > DATE_TIME_LENGTH
            && text.charAt(DATE_TIME_LENGTH) != ' '))
        {
            throw new DateTimeParseException("not yyyyMMdd HH:mm:ss [zone]", text, 0);
        }
        final LocalDateTime local = LocalDateTime.parse(text.substring(0, DATE_TIME_LENGTH), LOCAL);
        final String zone = text.substring(DATE_TIME_LENGTH).trim();
        try
        {
            return local.atZone(zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone)).toInstant();
        }
        catch (final java.time.DateTimeException ex)
        {
            throw new DateTimeParseException("unknown time zone " + zone, text, DATE_TIME_LENGTH);
        }
    }
}
