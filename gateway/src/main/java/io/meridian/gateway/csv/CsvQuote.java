package io.meridian.gateway.csv;

/**
 * One accepted row of a quotes file ({@link QuotesCsvReader}); one reused instance, valid only during
 * {@link CsvRowListener#onRow}.
 */
public final class CsvQuote
{
    long line;
    String symbol = "";
    long timestampNs;
    double bid;
    double bidSize;
    double ask;
    double askSize;

    /**
     * The row's line number (the header is line 1).
     *
     * @return the line.
     */
    public long line()
    {
        return line;
    }

    /**
     * The row's symbol ({@code symbol} column, else the default symbol).
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * The quote's time, epoch nanoseconds UTC.
     *
     * @return the time.
     */
    public long timestampNs()
    {
        return timestampNs;
    }

    /**
     * Best bid price (positive, below the ask).
     *
     * @return the price.
     */
    public double bid()
    {
        return bid;
    }

    /**
     * Size at the best bid (positive).
     *
     * @return the size.
     */
    public double bidSize()
    {
        return bidSize;
    }

    /**
     * Best ask price (positive, above the bid).
     *
     * @return the price.
     */
    public double ask()
    {
        return ask;
    }

    /**
     * Size at the best ask (positive).
     *
     * @return the size.
     */
    public double askSize()
    {
        return askSize;
    }
}
