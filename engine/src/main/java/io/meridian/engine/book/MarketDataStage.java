package io.meridian.engine.book;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.stage.InstrumentIndex;
import java.util.Arrays;
import org.agrona.DirectBuffer;

/**
 * Stage 1: validates market data and keeps the L1 book of every configured instrument.
 *
 * <p>A quote or trade is rejected, and counted by reason, when a price or size is NaN (the gateway's
 * {@link Scales#NAN} sentinel), when a price or size is not positive, when a quote is crossed or locked, when its
 * source sequence repeats (duplicate) or goes backwards, or when its event time goes backwards (out of order). A
 * rejected event leaves the book unchanged. Single-threaded; allocation-free.
 */
public final class MarketDataStage
{
    private final InstrumentIndex instruments;
    private final long[] bidPrice;
    private final long[] bidQty;
    private final long[] askPrice;
    private final long[] askQty;
    private final long[] lastTradePrice;
    private final long[] lastEventTimeNs;
    private final long[] lastSourceSequence;
    private final long[] rejects = new long[RejectReason.MAX_CODE];
    private long accepted;

    /**
     * A stage for the given instruments.
     *
     * @param instruments the configured instruments.
     */
    public MarketDataStage(final InstrumentIndex instruments)
    {
        this.instruments = instruments;
        final int n = instruments.count();
        bidPrice = new long[n];
        bidQty = new long[n];
        askPrice = new long[n];
        askQty = new long[n];
        lastTradePrice = new long[n];
        lastEventTimeNs = new long[n];
        lastSourceSequence = new long[n];
        Arrays.fill(lastEventTimeNs, Long.MIN_VALUE);
        Arrays.fill(lastSourceSequence, Long.MIN_VALUE);
    }

    /**
     * Validates a QUOTE or TRADE record and applies it to the book when valid.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return {@link RejectReason#NONE} when accepted, else the reason (already counted).
     */
    public RejectReason onMarketData(final DirectBuffer buffer, final int offset)
    {
        final RejectReason reason = validateAndApply(buffer, offset);
        if (reason == RejectReason.NONE)
        {
            accepted++;
        }
        else
        {
            rejects[reason.code()]++;
        }
        return reason;
    }

    private RejectReason validateAndApply(final DirectBuffer buffer, final int offset)
    {
        final int index = instruments.indexOf(Header.instrumentId(buffer, offset));
        if (index < 0)
        {
            return RejectReason.MD_UNKNOWN_INSTRUMENT;
        }
        final byte type = Header.type(buffer, offset);
        final RejectReason fieldCheck =
            type == RecordType.QUOTE ? checkQuote(buffer, offset) : checkTrade(buffer, offset);
        if (fieldCheck != RejectReason.NONE)
        {
            return fieldCheck;
        }
        final long sourceSequence = Header.sourceSequence(buffer, offset);
        final long eventTimeNs = Header.eventTimeNs(buffer, offset);
        if (sourceSequence == lastSourceSequence[index])
        {
            return RejectReason.MD_DUPLICATE;
        }
        if (sourceSequence < lastSourceSequence[index] || eventTimeNs < lastEventTimeNs[index])
        {
            return RejectReason.MD_OUT_OF_ORDER;
        }
        lastSourceSequence[index] = sourceSequence;
        lastEventTimeNs[index] = eventTimeNs;
        if (type == RecordType.QUOTE)
        {
            bidPrice[index] = QuoteCodec.bidPrice(buffer, offset);
            bidQty[index] = QuoteCodec.bidQty(buffer, offset);
            askPrice[index] = QuoteCodec.askPrice(buffer, offset);
            askQty[index] = QuoteCodec.askQty(buffer, offset);
        }
        else
        {
            lastTradePrice[index] = TradeCodec.price(buffer, offset);
        }
        return RejectReason.NONE;
    }

    private static RejectReason checkQuote(final DirectBuffer buffer, final int offset)
    {
        final long bid = QuoteCodec.bidPrice(buffer, offset);
        final long bidSize = QuoteCodec.bidQty(buffer, offset);
        final long ask = QuoteCodec.askPrice(buffer, offset);
        final long askSize = QuoteCodec.askQty(buffer, offset);
        if (bid == Scales.NAN || bidSize == Scales.NAN || ask == Scales.NAN || askSize == Scales.NAN)
        {
            return RejectReason.MD_NOT_A_NUMBER;
        }
        if (bid <= 0 || ask <= 0)
        {
            return RejectReason.MD_NON_POSITIVE_PRICE;
        }
        if (bidSize <= 0 || askSize <= 0)
        {
            return RejectReason.MD_NON_POSITIVE_SIZE;
        }
        if (bid >= ask)
        {
            return RejectReason.MD_CROSSED;
        }
        return RejectReason.NONE;
    }

    private static RejectReason checkTrade(final DirectBuffer buffer, final int offset)
    {
        final long price = TradeCodec.price(buffer, offset);
        final long qty = TradeCodec.qty(buffer, offset);
        if (price == Scales.NAN || qty == Scales.NAN)
        {
            return RejectReason.MD_NOT_A_NUMBER;
        }
        if (price <= 0)
        {
            return RejectReason.MD_NON_POSITIVE_PRICE;
        }
        if (qty <= 0)
        {
            return RejectReason.MD_NON_POSITIVE_SIZE;
        }
        return RejectReason.NONE;
    }

    public long bidPrice(final int index)
    {
        return bidPrice[index];
    }

    public long askPrice(final int index)
    {
        return askPrice[index];
    }

    public long bidQty(final int index)
    {
        return bidQty[index];
    }

    public long askQty(final int index)
    {
        return askQty[index];
    }

    /**
     * Last trade price, 0 when no trade was seen.
     *
     * @param index dense instrument index.
     * @return price in ticks.
     */
    public long lastTradePrice(final int index)
    {
        return lastTradePrice[index];
    }

    /**
     * Whether the instrument has a two-sided quote.
     *
     * @param index dense instrument index.
     * @return true once a valid quote was applied.
     */
    public boolean hasQuote(final int index)
    {
        return bidPrice[index] > 0;
    }

    /**
     * Rejected events with a reason.
     *
     * @param reason the reason.
     * @return the count.
     */
    public long rejectCount(final RejectReason reason)
    {
        return rejects[reason.code()];
    }

    /**
     * Accepted market-data events.
     *
     * @return the count.
     */
    public long acceptedCount()
    {
        return accepted;
    }

    public InstrumentIndex instruments()
    {
        return instruments;
    }
}
