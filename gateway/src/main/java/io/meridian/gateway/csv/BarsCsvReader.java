package io.meridian.gateway.csv;

import java.util.List;

/**
 * Reads a bars (OHLCV) CSV file: header {@code date,open,high,low,close,volume} ({@code timestamp} may name the time
 * column; an optional {@code symbol} column; any other column is ignored and listed in the summary; names match
 * case-insensitively). Each accepted row reaches the listener as a {@link CsvBar}.
 *
 * <p>A row is rejected, with its line, column and reason, when a field is missing or not a plain decimal
 * ({@link CsvNumbers}), the time is not one of the {@link CsvTimestamps} forms, a price is zero or negative, the
 * volume is negative, high &lt; low, open or close is outside [low, high], or its time equals (duplicate) or precedes
 * (out of order) the previous accepted row of the same symbol. The checks run in that order; the first failing one
 * names the row.
 *
 * <pre>{@code
 * BarsCsvReader reader = new BarsCsvReader(CsvReadOptions.DEFAULT.withZone(ZoneId.of("America/New_York")));
 * CsvReadSummary summary = reader.read(path, bar -> use(bar.timestampNs(), bar.close()));
 * }</pre>
 *
 * <p>Owned by the calling thread; one read at a time.
 */
public final class BarsCsvReader extends MarketCsvReader<CsvBar>
{
    private static final int OPEN = 0;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int CLOSE = 3;
    private static final int VOLUME = 4;

    private final CsvBar bar = new CsvBar();

    /**
     * A reader.
     *
     * @param options zone for dates without an offset, strictness, default symbol.
     */
    public BarsCsvReader(final CsvReadOptions options)
    {
        super("bars", List.of("open", "high", "low", "close", "volume"), List.of(), options);
    }

    @Override
    protected CsvBar rowObject()
    {
        return bar;
    }

    @Override
    protected CsvProblem parse(final Row fields, final CsvBar into)
    {
        final double open = fields.number(OPEN);
        final double high = Double.isNaN(open) ? Double.NaN : fields.number(HIGH);
        final double low = Double.isNaN(high) ? Double.NaN : fields.number(LOW);
        final double close = Double.isNaN(low) ? Double.NaN : fields.number(CLOSE);
        final double volume = Double.isNaN(close) ? Double.NaN : fields.number(VOLUME);
        if (Double.isNaN(volume))
        {
            return fields.problem();
        }
        if (open <= 0)
        {
            return fields.reject(OPEN, CsvRejectReason.NON_POSITIVE_PRICE, "open " + open);
        }
        if (high <= 0)
        {
            return fields.reject(HIGH, CsvRejectReason.NON_POSITIVE_PRICE, "high " + high);
        }
        if (low <= 0)
        {
            return fields.reject(LOW, CsvRejectReason.NON_POSITIVE_PRICE, "low " + low);
        }
        if (close <= 0)
        {
            return fields.reject(CLOSE, CsvRejectReason.NON_POSITIVE_PRICE, "close " + close);
        }
        if (volume < 0)
        {
            return fields.reject(VOLUME, CsvRejectReason.NEGATIVE_VOLUME, "volume " + volume);
        }
        if (high < low)
        {
            return fields.reject(HIGH, CsvRejectReason.HIGH_BELOW_LOW, "high " + high + " < low " + low);
        }
        if (open < low || open > high)
        {
            return fields.reject(OPEN, CsvRejectReason.OPEN_OUTSIDE_RANGE,
                "open " + open + " outside [" + low + ", " + high + "]");
        }
        if (close < low || close > high)
        {
            return fields.reject(CLOSE, CsvRejectReason.CLOSE_OUTSIDE_RANGE,
                "close " + close + " outside [" + low + ", " + high + "]");
        }
        into.line = fields.line();
        into.date = fields.timeText();
        into.symbol = fields.symbol();
        into.timestampNs = fields.timestampNs();
        into.open = open;
        into.high = high;
        into.low = low;
        into.close = close;
        into.volume = volume;
        return null;
    }
}
