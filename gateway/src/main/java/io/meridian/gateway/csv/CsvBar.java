package io.meridian.gateway.csv;

/**
 * One accepted row of a bars file, as {@link BarsCsvReader} hands it out. The reader reuses one instance: it is
 * valid only during {@link CsvRowListener#onRow}. Prices and volume are the file's values as doubles (the importer
 * converts them to the instrument's fixed point).
 */
public final class CsvBar
{
    long line;
    String date = "";
    String symbol = "";
    long timestampNs;
    double open;
    double high;
    double low;
    double close;
    double volume;

    /**
     * The row's line number in the file (the header is line 1).
     *
     * @return the line.
     */
    public long line()
    {
        return line;
    }

    /**
     * The time field exactly as the file wrote it (the {@code features} command copies it to its output).
     *
     * @return the text.
     */
    public String date()
    {
        return date;
    }

    /**
     * The row's symbol: the {@code symbol} column when the file has one, else the reader's default symbol.
     *
     * @return the symbol, possibly empty.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * The bar's time, epoch nanoseconds UTC (see {@link CsvTimestamps} for the accepted forms).
     *
     * @return the time.
     */
    public long timestampNs()
    {
        return timestampNs;
    }

    /**
     * Opening price.
     *
     * @return the price (positive, within [low, high]).
     */
    public double open()
    {
        return open;
    }

    /**
     * Highest price.
     *
     * @return the price (positive, at least low).
     */
    public double high()
    {
        return high;
    }

    /**
     * Lowest price.
     *
     * @return the price (positive).
     */
    public double low()
    {
        return low;
    }

    /**
     * Closing price.
     *
     * @return the price (positive, within [low, high]).
     */
    public double close()
    {
        return close;
    }

    /**
     * Traded volume.
     *
     * @return the volume (zero or more).
     */
    public double volume()
    {
        return volume;
    }

    @Override
    public String toString()
    {
        return "CsvBar{line=" + line + ", date=" + date + ", symbol=" + symbol + ", timestampNs=" + timestampNs
            + ", open=" + open + ", high=" + high + ", low=" + low + ", close=" + close + ", volume=" + volume + '}';
    }
}
