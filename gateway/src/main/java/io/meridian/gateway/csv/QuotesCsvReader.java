package io.meridian.gateway.csv;

import java.util.List;

/**
 * Reads a quotes (top of book) CSV file: header {@code date,bid,bid_size,ask,ask_size} (same time forms, optional
 * {@code symbol} column and extra-column rules as {@link BarsCsvReader}). A row is rejected when a field is missing
 * or not a decimal, a price is not positive, a size is not positive, the bid is at or above the ask, or its time
 * repeats or goes back for its symbol.
 *
 * <p>Owned by the calling thread; one read at a time.
 */
public final class QuotesCsvReader extends MarketCsvReader<CsvQuote>
{
    private static final int BID = 0;
    private static final int BID_SIZE = 1;
    private static final int ASK = 2;
    private static final int ASK_SIZE = 3;

    private final CsvQuote quote = new CsvQuote();

    /**
     * A reader.
     *
     * @param options zone, strictness, default symbol.
     */
    public QuotesCsvReader(final CsvReadOptions options)
    {
        super("quotes", List.of("bid", "bid_size", "ask", "ask_size"), List.of(), options);
    }

    @Override
    protected CsvQuote rowObject()
    {
        return quote;
    }

    @Override
    protected CsvProblem parse(final Row fields, final CsvQuote into)
    {
        final double bid = fields.number(BID);
        final double bidSize = Double.isNaN(bid) ? Double.NaN : fields.number(BID_SIZE);
        final double ask = Double.isNaN(bidSize) ? Double.NaN : fields.number(ASK);
        final double askSize = Double.isNaN(ask) ? Double.NaN : fields.number(ASK_SIZE);
        if (Double.isNaN(askSize))
        {
            return fields.problem();
        }
        if (bid <= 0)
        {
            return fields.reject(BID, CsvRejectReason.NON_POSITIVE_PRICE, "bid " + bid);
        }
        if (ask <= 0)
        {
            return fields.reject(ASK, CsvRejectReason.NON_POSITIVE_PRICE, "ask " + ask);
        }
        if (bidSize <= 0)
        {
            return fields.reject(BID_SIZE, CsvRejectReason.NON_POSITIVE_SIZE, "bid_size " + bidSize);
        }
        if (askSize <= 0)
        {
            return fields.reject(ASK_SIZE, CsvRejectReason.NON_POSITIVE_SIZE, "ask_size " + askSize);
        }
        if (bid >= ask)
        {
            return fields.reject(BID, CsvRejectReason.CROSSED_QUOTE, "bid " + bid + " >= ask " + ask);
        }
        into.line = fields.line();
        into.symbol = fields.symbol();
        into.timestampNs = fields.timestampNs();
        into.bid = bid;
        into.bidSize = bidSize;
        into.ask = ask;
        into.askSize = askSize;
        return null;
    }
}
