package io.meridian.gateway.csv;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How a market-data CSV file is read.
 *
 * @param zone the zone of dates and date-times written without an offset ({@code --tz}); UTC by default.
 * @param strict stop at the first rejected row (a {@link CsvFileException}) instead of skipping it.
 * @param symbol the symbol of rows when the file has no {@code symbol} column ({@code --symbol}); may be empty.
 */
public record CsvReadOptions(ZoneId zone, boolean strict, String symbol)
{
    /** UTC, lenient, no default symbol. */
    public static final CsvReadOptions DEFAULT = new CsvReadOptions(ZoneOffset.UTC, false, "");

    /**
     * Checks the components.
     *
     * @param zone the zone.
     * @param strict strict mode.
     * @param symbol the default symbol.
     */
    public CsvReadOptions
    {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(symbol, "symbol");
    }

    /**
     * The same options in another zone.
     *
     * @param newZone the zone.
     * @return new options.
     */
    public CsvReadOptions withZone(final ZoneId newZone)
    {
        return new CsvReadOptions(newZone, strict, symbol);
    }

    /**
     * The same options, strict or not.
     *
     * @param newStrict strict mode.
     * @return new options.
     */
    public CsvReadOptions withStrict(final boolean newStrict)
    {
        return new CsvReadOptions(zone, newStrict, symbol);
    }

    /**
     * The same options with another default symbol.
     *
     * @param newSymbol the symbol.
     * @return new options.
     */
    public CsvReadOptions withSymbol(final String newSymbol)
    {
        return new CsvReadOptions(zone, strict, newSymbol);
    }
}
