package io.meridian.runtime.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data-quality findings of {@code meridian data check} for the rows that parsed (the readers' own rejections —
 * duplicates, out-of-order, OHLC inconsistencies, unparseable fields — are reported beside these): per symbol, the
 * time span, coverage against a {@link SessionCalendar} (sessions without any row, rows outside session days or
 * hours), intraday gaps, price jumps of more than 20% from the previous row's close (SPEC o4), stale runs (5 or more
 * consecutive rows with the same close) and zero-volume bars.
 *
 * <p>Gaps: within one session date, a spacing between consecutive rows of more than 1.5 times the symbol's typical
 * spacing (the most frequent within-day spacing; the first 64 distinct spacings are tallied) is a gap. Daily bars have
 * no within-day spacing: their holes show as missing sessions.
 *
 * <p>Owned by the calling thread.
 */
public final class DataQualityCheck
{
    /** A price change larger than this fraction of the previous close is a jump. */
    public static final double JUMP_FRACTION = 0.20;
    /** This many or more consecutive equal closes make a stale run. */
    public static final int STALE_RUN = 5;
    private static final int EXAMPLES = 5;
    private static final int SPACINGS = 64;

    private final SessionCalendar calendar;
    private final boolean bars;
    private final Map<String, SymbolStats> symbols = new LinkedHashMap<>();

    /**
     * A check.
     *
     * @param calendar the sessions to measure coverage against.
     * @param bars true for bars (zero-volume bars are findings); false for quotes and trades.
     */
    public DataQualityCheck(final SessionCalendar calendar, final boolean bars)
    {
        this.calendar = calendar;
        this.bars = bars;
    }

    /**
     * One row, in file order.
     *
     * @param symbol the symbol.
     * @param where the row's place for examples ({@code line 12} or {@code record 11}).
     * @param timestampNs its time.
     * @param close its close (a quote's mid, a trade's price).
     * @param volume its volume (bars), or any positive value.
     */
    public void onRow(final String symbol, final String where, final long timestampNs, final double close,
        final double volume)
    {
        symbols.computeIfAbsent(symbol, s -> new SymbolStats()).onRow(where, timestampNs, close, volume);
    }

    /**
     * Findings of every symbol (0 when the data is clean).
     *
     * @return missing sessions + rows outside sessions + gaps + jumps + stale runs + zero-volume bars.
     */
    public long findings()
    {
        long total = 0;
        for (final SymbolStats stats : symbols.values())
        {
            total += stats.findings();
        }
        return total;
    }

    /**
     * The report lines, one block per symbol.
     *
     * @return the lines.
     */
    public List<String> lines()
    {
        final List<String> lines = new ArrayList<>();
        for (final Map.Entry<String, SymbolStats> entry : symbols.entrySet())
        {
            entry.getValue().describe(entry.getKey(), lines);
        }
        return lines;
    }

    private final class SymbolStats
    {
        long rows;
        long firstNs = Long.MIN_VALUE;
        long lastNs;
        double lastClose = Double.NaN;
        long staleLength;
        long staleRuns;
        long longestStale;
        String longestStaleStart = "";
        String staleStart = "";
        long zeroVolume;
        final List<String> zeroVolumeExamples = new ArrayList<>();
        long jumps;
        final List<String> jumpExamples = new ArrayList<>();
        final TreeSet<LocalDate> sessionDates = new TreeSet<>();
        long outsideSessions;
        final List<String> outsideExamples = new ArrayList<>();
        final Map<Long, Long> spacings = new HashMap<>();
        LocalDate lastDate;

        void onRow(final String where, final long timestampNs, final double close, final double volume)
        {
            rows++;
            if (firstNs == Long.MIN_VALUE)
            {
                firstNs = timestampNs;
            }
            final ZonedDateTime local = Instant.ofEpochSecond(Math.floorDiv(timestampNs, 1_000_000_000L),
                Math.floorMod(timestampNs, 1_000_000_000L)).atZone(calendar.zone());
            final LocalDate date = local.toLocalDate();
            if (!calendar.isSession(date) || !calendar.isSessionTime(local.toLocalTime()))
            {
                outsideSessions++;
                example(outsideExamples, where + " " + local);
            }
            else
            {
                sessionDates.add(date);
            }
            if (date.equals(lastDate))
            {
                final long spacing = timestampNs - lastNs;
                if (spacings.size() < SPACINGS || spacings.containsKey(spacing))
                {
                    spacings.merge(spacing, 1L, Long::sum);
                }
            }
            if (!Double.isNaN(lastClose))
            {
                if (Math.abs(close - lastClose) > JUMP_FRACTION * lastClose)
                {
                    jumps++;
                    example(jumpExamples, where + String.format(java.util.Locale.ROOT, " %s -> %s (%+.1f%%)",
                        lastClose, close, 100 * (close / lastClose - 1)));
                }
                if (close == lastClose)
                {
                    staleLength++;
                }
                else
                {
                    endStale();
                    staleLength = 1;
                    staleStart = where;
                }
            }
            else
            {
                staleLength = 1;
                staleStart = where;
            }
            if (bars && volume == 0)
            {
                zeroVolume++;
                example(zeroVolumeExamples, where);
            }
            lastClose = close;
            lastNs = timestampNs;
            lastDate = date;
        }

        void endStale()
        {
            if (staleLength >= STALE_RUN)
            {
                staleRuns++;
                if (staleLength > longestStale)
                {
                    longestStale = staleLength;
                    longestStaleStart = staleStart;
                }
            }
        }

        long typicalSpacing()
        {
            long best = 0;
            long bestCount = 0;
            for (final Map.Entry<Long, Long> entry : spacings.entrySet())
            {
                if (entry.getValue() > bestCount || (entry.getValue() == bestCount && entry.getKey() < best))
                {
                    best = entry.getKey();
                    bestCount = entry.getValue();
                }
            }
            return best;
        }

        long gaps()
        {
            final long typical = typicalSpacing();
            long gaps = 0;
            for (final Map.Entry<Long, Long> entry : spacings.entrySet())
            {
                if (typical > 0 && entry.getKey() * 2 > typical * 3)
                {
                    gaps += entry.getValue();
                }
            }
            return gaps;
        }

        List<LocalDate> missingSessions()
        {
            final List<LocalDate> missing = new ArrayList<>();
            if (sessionDates.isEmpty())
            {
                return missing;
            }
            for (LocalDate d = sessionDates.first(); !d.isAfter(sessionDates.last()); d = d.plusDays(1))
            {
                if (calendar.isSession(d) && !sessionDates.contains(d))
                {
                    missing.add(d);
                }
            }
            return missing;
        }

        long findings()
        {
            endStaleOnce();
            return missingSessions().size() + outsideSessions + gaps() + jumps + staleRuns + zeroVolume;
        }

        private boolean staleClosed;

        private void endStaleOnce()
        {
            if (!staleClosed)
            {
                endStale();
                staleClosed = true;
            }
        }

        void describe(final String symbol, final List<String> out)
        {
            endStaleOnce();
            final List<LocalDate> missing = missingSessions();
            out.add(String.format(java.util.Locale.ROOT, "symbol %s: %,d rows, %s .. %s", symbol, rows,
                Instant.ofEpochSecond(0, 0).plusNanos(firstNs), Instant.ofEpochSecond(0, 0).plusNanos(lastNs)));
            out.add(String.format(java.util.Locale.ROOT,
                "  sessions      %,d with data, %,d missing%s", sessionDates.size(), missing.size(),
                missing.isEmpty() ? "" : " (first: " + String.join(", ",
                    missing.subList(0, Math.min(EXAMPLES, missing.size())).stream().map(LocalDate::toString)
                        .toList()) + ")"));
            out.add(String.format(java.util.Locale.ROOT, "  outside       %,d rows outside session days or hours%s",
                outsideSessions, examples(outsideExamples)));
            final long typical = typicalSpacing();
            out.add(String.format(java.util.Locale.ROOT, "  gaps          %,d%s", gaps(),
                typical > 0 ? " (typical spacing " + typical / 1_000_000_000.0 + " s)" : " (one row per day)"));
            out.add(String.format(java.util.Locale.ROOT, "  jumps > 20%%   %,d%s", jumps, examples(jumpExamples)));
            out.add(String.format(java.util.Locale.ROOT, "  stale runs    %,d (>= %d equal closes)%s", staleRuns,
                STALE_RUN, staleRuns > 0 ? ", longest " + longestStale + " from " + longestStaleStart : ""));
            if (bars)
            {
                out.add(String.format(java.util.Locale.ROOT, "  zero volume   %,d bars%s", zeroVolume,
                    examples(zeroVolumeExamples)));
            }
        }

        private void example(final List<String> list, final String text)
        {
            if (list.size() < EXAMPLES)
            {
                list.add(text);
            }
        }

        private String examples(final List<String> list)
        {
            return list.isEmpty() ? "" : " (e.g. " + String.join("; ", list) + ")";
        }
    }
}
