package io.meridian.gateway.csv;

import java.util.List;
import java.util.Locale;

/**
 * Reads a trades CSV file: header {@code date,price,size} with an optional {@code side} column ({@code buy},
 * {@code sell}, {@code b}, {@code s}, any case, or empty for unknown; the aggressor's side), and the time forms,
 * optional {@code symbol} column and extra-column rules of {@link BarsCsvReader}. A row is rejected when a field is
 * missing or not a decimal, the price or size is not positive, the side is something else, or its time repeats or
 * goes back for its symbol (several prints in the same nanosecond must carry distinct times).
 *
 * <p>Owned by the calling thread; one read at a time.
 */
public final class TradesCsvReader extends MarketCsvReader<CsvTrade>
{
    private static final int PRICE = 0;
    private static final int SIZE = 1;
    private static final int SIDE = 2;

    private final CsvTrade trade = new CsvTrade();

    /**
     * A reader.
     *
     * @param options zone, strictness, default symbol.
     */
    public TradesCsvReader(final CsvReadOptions options)
    {
        super("trades", List.of("price", "size"), List.of("side"), options);
    }

    @Override
    protected CsvTrade rowObject()
    {
        return trade;
    }

    @Override
    protected CsvProblem parse(final Row fields, final CsvTrade into)
    {
        final double price = fields.number(PRICE);
        final double size = Double.isNaN(price) ? Double.NaN : fields.number(SIZE);
        if (Double.isNaN(size))
        {
            return fields.problem();
        }
        if (price <= 0)
        {
            return fields.reject(PRICE, CsvRejectReason.NON_POSITIVE_PRICE, "price " + price);
        }
        if (size <= 0)
        {
            return fields.reject(SIZE, CsvRejectReason.NON_POSITIVE_SIZE, "size " + size);
        }
        int side = CsvTrade.SIDE_UNKNOWN;
        if (fields.has(SIDE))
        {
            final String text = fields.text(SIDE).toLowerCase(Locale.ROOT);
            if ("buy".equals(text) || "b".equals(text))
            {
                side = CsvTrade.SIDE_BUY;
            }
            else if ("sell".equals(text) || "s".equals(text))
            {
                side = CsvTrade.SIDE_SELL;
            }
            else
            {
                return fields.reject(SIDE, CsvRejectReason.INVALID_VALUE,
                    "side '" + fields.text(SIDE) + "' is not buy, sell, b, s or empty");
            }
        }
        into.line = fields.line();
        into.symbol = fields.symbol();
        into.timestampNs = fields.timestampNs();
        into.price = price;
        into.size = size;
        into.side = side;
        return null;
    }
}
