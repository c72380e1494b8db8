package io.meridian.gateway.csv;

/**
 * One accepted row of a trades file ({@link TradesCsvReader}); one reused instance, valid only during
 * {@link CsvRowListener#onRow}.
 */
public final class CsvTrade
{
    /** {@link #side()} when the file gives none. */
    public static final int SIDE_UNKNOWN = 0;
    /** {@link #side()} of a buyer-initiated trade. */
    public static final int SIDE_BUY = 1;
    /** {@link #side()} of a seller-initiated trade. */
    public static final int SIDE_SELL = 2;

    long line;
    String symbol = "";
    long timestampNs;
    double price;
    double size;
    int side;

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
     * The trade's time, epoch nanoseconds UTC.
     *
     * @return the time.
     */
    public long timestampNs()
    {
        return timestampNs;
    }

    /**
     * Trade price (positive).
     *
     * @return the price.
     */
    public double price()
    {
        return price;
    }

    /**
     * Trade size (positive).
     *
     * @return the size.
     */
    public double size()
    {
        return size;
    }

    /**
     * The aggressor side: {@link #SIDE_BUY}, {@link #SIDE_SELL} or {@link #SIDE_UNKNOWN}.
     *
     * @return the side code.
     */
    public int side()
    {
        return side;
    }
}
