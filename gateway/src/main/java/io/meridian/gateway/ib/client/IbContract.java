package io.meridian.gateway.ib.client;

import io.meridian.gateway.ib.wire.TwsFrameWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The contract fields a request carries, in the order the protocol sends them: conId, symbol, secType,
 * lastTradeDateOrContractMonth, strike, right, multiplier, exchange, primaryExchange, currency, localSymbol,
 * tradingClass. Text fields are encoded once, at construction, so sending allocates nothing.
 *
 * <p>Immutable.
 */
public final class IbContract
{
    private final long conId;
    private final byte[] symbol;
    private final byte[] secType;
    private final byte[] exchange;
    private final byte[] primaryExchange;
    private final byte[] currency;
    private final byte[] localSymbol;
    private final byte[] multiplier;
    private final String display;

    /**
     * A contract.
     *
     * @param conId IB's contract id (0 when unknown: the server matches the other fields).
     * @param symbol the symbol, e.g. {@code AAPL}.
     * @param secType security type, e.g. {@code STK}.
     * @param exchange routing exchange, e.g. {@code SMART}.
     * @param primaryExchange listing exchange, e.g. {@code NASDAQ} (may be empty).
     * @param currency e.g. {@code USD}.
     * @param localSymbol local symbol (may be empty).
     * @param multiplier contract multiplier (may be empty for stocks).
     */
    public IbContract(
        final long conId,
        final String symbol,
        final String secType,
        final String exchange,
        final String primaryExchange,
        final String currency,
        final String localSymbol,
        final String multiplier)
    {
        this.conId = conId;
        this.symbol = ascii("symbol", symbol);
        this.secType = ascii("secType", secType);
        this.exchange = ascii("exchange", exchange);
        this.primaryExchange = ascii("primaryExchange", primaryExchange);
        this.currency = ascii("currency", currency);
        this.localSymbol = ascii("localSymbol", localSymbol);
        this.multiplier = ascii("multiplier", multiplier);
        this.display = symbol + " " + secType + " " + exchange + " " + currency + " (conId " + conId + ")";
    }

    private static byte[] ascii(final String name, final String value)
    {
        Objects.requireNonNull(value, name);
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == 0 || c >= 0x80)
            {
                throw new IllegalArgumentException(
                    "contract " + name + " '" + value + "' must be printable ASCII (character " + i + ")");
            }
        }
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes the twelve contract fields.
     *
     * @param writer the frame being written.
     */
    void write(final TwsFrameWriter writer)
    {
        writer.putLong(conId)
            .putBytes(symbol)
            .putBytes(secType)
            .putEmpty()            // lastTradeDateOrContractMonth
            .putLong(0)            // strike
            .putEmpty()            // right
            .putBytes(multiplier)
            .putBytes(exchange)
            .putBytes(primaryExchange)
            .putBytes(currency)
            .putBytes(localSymbol)
            .putEmpty();           // tradingClass
    }

    /**
     * IB's contract id.
     *
     * @return the id.
     */
    public long conId()
    {
        return conId;
    }

    /**
     * The symbol.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return new String(symbol, StandardCharsets.US_ASCII);
    }

    /**
     * The currency.
     *
     * @return the currency.
     */
    public String currency()
    {
        return new String(currency, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString()
    {
        return display;
    }
}
