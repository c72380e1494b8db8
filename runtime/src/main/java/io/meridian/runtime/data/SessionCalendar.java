package io.meridian.runtime.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The trading-session calendar that {@code meridian data check} measures coverage against: sessions on Monday to
 * Friday except holidays, from {@code open} to {@code close} in {@code timezone}. Read from the {@code calendar}
 * section of a YAML file ({@code --calendar FILE}):
 * <pre>
 * calendar:
 *   timezone: America/New_York
 *   open: "09:30"
 *   close: "16:00"
 *   holidays: [2024-01-01, 2024-07-04, 2024-12-25]
 * </pre>
 * The default is UTC, 00:00 to 24:00 (the whole day), no holidays. This is the data lane's own small calendar: the
 * engine configuration has no trading calendar yet; when it gets one, {@code data check} should read that instead.
 *
 * @param zone the exchange's time zone.
 * @param open session open, local time.
 * @param close session close, local time ({@code 00:00} means midnight at the end of the day).
 * @param holidays dates without a session.
 */
public record SessionCalendar(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays)
{
    /** Monday to Friday, UTC, the whole day, no holidays. */
    public static final SessionCalendar DEFAULT =
        new SessionCalendar(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());

    /**
     * Sorts and copies the holidays.
     *
     * @param zone the zone.
     * @param open the open.
     * @param close the close.
     * @param holidays the holidays.
     */
    public SessionCalendar
    {
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    /**
     * Whether a local date has a session.
     *
     * @param date the date in the calendar's zone.
     * @return true on a weekday that is not a holiday.
     */
    public boolean isSession(final LocalDate date)
    {
        final DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * Whether a local time of day is within the session (open inclusive, close inclusive: a bar stamped at the
     * close belongs to the session).
     *
     * @param time the local time.
     * @return true inside the session hours.
     */
    public boolean isSessionTime(final LocalTime time)
    {
        final boolean afterOpen = !time.isBefore(open);
        final boolean beforeClose = close.equals(LocalTime.MIDNIGHT) || !time.isAfter(close);
        return afterOpen && beforeClose;
    }

    /**
     * One line for reports.
     *
     * @return e.g. {@code America/New_York, Mon-Fri 09:30-16:00, 3 holidays}.
     */
    public String describe()
    {
        return zone.getId() + ", Mon-Fri " + open + "-" + (close.equals(LocalTime.MIDNIGHT) ? "24:00" : close)
            + ", " + holidays.size() + " holidays";
    }

    /**
     * Reads the {@code calendar} section of a YAML file.
     *
     * @param file the file.
     * @return the calendar.
     * @throws IOException when the file cannot be read.
     * @throws IllegalArgumentException naming the file, key and bad value.
     */
    public static SessionCalendar load(final Path file) throws IOException
    {
        final Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(file, StandardCharsets.UTF_8));
        if (!(root instanceof Map<?, ?> top) || !(top.get("calendar") instanceof Map<?, ?> section))
        {
            throw new IllegalArgumentException(file + ": no 'calendar' section (keys timezone, open, close, holidays)");
        }
        for (final Object key : section.keySet())
        {
            if (!List.of("timezone", "open", "close", "holidays").contains(String.valueOf(key)))
            {
                throw new IllegalArgumentException(file + ": calendar." + key
                    + " is not a calendar key (allowed: timezone, open, close, holidays)");
            }
        }
        final String where = file + ": calendar.";
        try
        {
            final ZoneId zone = ZoneId.of(String.valueOf(valueOr(section, "timezone", "UTC")));
            final LocalTime open = time(where + "open", valueOr(section, "open", "00:00"));
            final LocalTime close = time(where + "close", valueOr(section, "close", "24:00"));
            final Set<LocalDate> holidays = new TreeSet<>();
            final Object list = section.get("holidays");
            if (list instanceof List<?> dates)
            {
                for (final Object date : dates)
                {
                    holidays.add(date instanceof java.util.Date d
                        ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(String.valueOf(date)));
                }
            }
            else if (list != null)
            {
                throw new IllegalArgumentException(where + "holidays must be a list of ISO dates, found " + list);
            }
            return new SessionCalendar(zone, open, close, holidays);
        }
        catch (final DateTimeException ex)
        {
            throw new IllegalArgumentException(where + " " + ex.getMessage(), ex);
        }
    }

    private static Object valueOr(final Map<?, ?> section, final String key, final Object fallback)
    {
        final Object value = section.get(key);
        return value == null ? fallback : value;
    }

    private static LocalTime time(final String key, final Object value)
    {
        final String text = String.valueOf(value);
        if ("24:00".equals(text))
        {
            return LocalTime.MIDNIGHT;
        }
        try
        {
            return LocalTime.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException(key + " = '" + text + "' is not a time HH:MM", ex);
        }
    }
}
