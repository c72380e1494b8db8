package io.meridian.engine.book;

import io.meridian.engine.api.RejectReason;
import io.meridian.engine.api.Scales;
import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.QuoteCodec;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.codec.TradeCodec;
import io.meridian.engine.stage.EventSlot;
import io.meridian.engine.stage.InstrumentIndex;
import io.meridian.engine.stage.Stage;
import io.meridian.engine.state.StateRestore;
import io.meridian.engine.state.StateValues;
import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * Stage 1: decodes each event into its slot, validates market data and keeps the L1 book of every configured
 * instrument; an accepted event's top of book is copied into the slot for the later stages.
 *
 * <p>A quote, trade or bar is rejected, and counted by reason, when a price or size is NaN (the gateway's
 * {@link Scales#NAN} sentinel), when a price or a quote or trade size is not positive, when a quote is crossed or
 * locked, when its source sequence repeats (duplicate) or goes backwards, or when its event time goes backwards (out
 * of order). A bar is also rejected when its volume is negative or its high is below its low or its open or close is
 * outside [low, high] (SPEC o1, o2). A trade price or bar close more than 20% away from the instrument's previous
 * trade price or bar close is an implausible jump (SPEC o4), rejected as {@code MD_PRICE_JUMP}: the jumped price is
 * quarantined, not traded on, and becomes the reference for the next check, so a real level shift costs one event
 * and bad prints are dropped. A rejected event leaves the book unchanged.
 *
 * <p>Bars and the book: the engine's features and the simulated venue read a top of book, so an accepted bar sets a
 * derived one: bid one tick below the close, ask one tick above (bid at least one tick), both sized at the bar's
 * volume (at least one lot), and the last trade price to the close. Single-threaded; allocation-free.
 */
public final class MarketDataStage implements Stage
{
    private final InstrumentIndex instruments;
    private final long[] bidPrice;
    private final long[] bidQty;
    private final long[] askPrice;
    private final long[] askQty;
    private final long[] lastTradePrice;
    private final long[] lastEventTimeNs;
    private final long[] lastSourceSequence;
    private final long[] jumpReference;
    private final long[] rejects = new long[RejectReason.MAX_CODE];
    private long accepted;
    private final StateRestore restore;

    /**
     * A stage for the given instruments.
     *
     * @param instruments the configured instruments.
     */
    public MarketDataStage(final InstrumentIndex instruments)
    {
        this.instruments = instruments;
        final int n = instruments.count();
        this.restore = new StateRestore(n);
        bidPrice = new long[n];
        bidQty = new long[n];
        askPrice = new long[n];
        askQty = new long[n];
        lastTradePrice = new long[n];
        lastEventTimeNs = new long[n];
        lastSourceSequence = new long[n];
        jumpReference = new long[n];
        Arrays.fill(lastEventTimeNs, Long.MIN_VALUE);
        Arrays.fill(lastSourceSequence, Long.MIN_VALUE);
    }

    @Override
    public String name()
    {
        return "book";
    }

    /**
     * Decodes the event into the slot (clearing every stage result), then, for a QUOTE or TRADE, validates and
     * applies it and copies the instrument's top of book into the slot.
     *
     * @param slot the event.
     * @return always true.
     */
    @Override
    public boolean onEvent(final EventSlot slot)
    {
        slot.decode(instruments);
        final byte type = slot.type;
        if (type == RecordType.STATE_RESTORE)
        {
            restore.onRecord(slot.buffer, slot);
            if (slot.restoredState != null)
            {
                StateRestore.loadSection(this, slot);
            }
            return true;
        }
        if (type == RecordType.QUOTE || type == RecordType.TRADE || type == RecordType.BAR)
        {
            final int index = slot.instrumentIndex;
            if (count(validateAndApply(index, type, slot.eventTimeNs, slot.buffer, 0)))
            {
                slot.marketDataAccepted = true;
                slot.bidPrice = bidPrice[index];
                slot.bidQty = bidQty[index];
                slot.askPrice = askPrice[index];
                slot.askQty = askQty[index];
                slot.lastTradePrice = lastTradePrice[index];
            }
        }
        return true;
    }

    /**
     * Validates a QUOTE, TRADE or BAR record outside a pipeline and applies it to the book when valid.
     *
     * @param buffer the record's buffer.
     * @param offset where the record starts.
     * @return {@link RejectReason#NONE} when accepted, else the reason (already counted).
     */
    public RejectReason onMarketData(final DirectBuffer buffer, final int offset)
    {
        final RejectReason reason = validateAndApply(
            instruments.indexOf(Header.instrumentId(buffer, offset)), Header.type(buffer, offset),
            Header.eventTimeNs(buffer, offset), buffer, offset);
        count(reason);
        return reason;
    }

    private boolean count(final RejectReason reason)
    {
        if (reason == RejectReason.NONE)
        {
            accepted++;
            return true;
        }
        rejects[reason.code()]++;
        return false;
    }

    private RejectReason validateAndApply(
        final int index, final byte type, final long eventTimeNs, final DirectBuffer buffer, final int offset)
    {
        if (index < 0)
        {
            return RejectReason.MD_UNKNOWN_INSTRUMENT;
        }
        switch (type)
        {
            case RecordType.QUOTE:
                return onQuote(index, eventTimeNs, buffer, offset);
            case RecordType.TRADE:
                return onTrade(index, eventTimeNs, buffer, offset);
            default:
                return onBar(index, eventTimeNs, buffer, offset);
        }
    }

    private RejectReason onBar(final int index, final long eventTimeNs, final DirectBuffer buffer, final int offset)
    {
        final long close = BarCodec.close(buffer, offset);
        final long volume = BarCodec.volume(buffer, offset);
        final RejectReason fieldCheck = checkBar(BarCodec.open(buffer, offset), BarCodec.high(buffer, offset),
            BarCodec.low(buffer, offset), close, volume);
        if (fieldCheck != RejectReason.NONE)
        {
            return fieldCheck;
        }
        if (jumped(index, close))
        {
            return RejectReason.MD_PRICE_JUMP;
        }
        final RejectReason orderCheck = checkOrder(index, eventTimeNs, buffer, offset);
        if (orderCheck == RejectReason.NONE)
        {
            final long size = Math.max(volume, 1);
            bidPrice[index] = Math.max(close - 1, 1);
            bidQty[index] = size;
            askPrice[index] = close + 1;
            askQty[index] = size;
            lastTradePrice[index] = close;
        }
        return orderCheck;
    }

    /**
     * The 20% jump filter: true (and the price becomes the reference) when the price is more than 20% away from the
     * reference; the first price of an instrument only sets the reference.
     */
    private boolean jumped(final int index, final long price)
    {
        final long reference = jumpReference[index];
        jumpReference[index] = price;
        return reference > 0 && Math.abs(price - reference) * 5 > reference;
    }

    private static RejectReason checkBar(
        final long open, final long high, final long low, final long close, final long volume)
    {
        if (open == Scales.NAN || high == Scales.NAN || low == Scales.NAN || close == Scales.NAN
            || volume == Scales.NAN)
        {
            return RejectReason.MD_NOT_A_NUMBER;
        }
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0)
        {
            return RejectReason.MD_NON_POSITIVE_PRICE;
        }
        if (volume < 0)
        {
            return RejectReason.MD_NEGATIVE_VOLUME;
        }
        if (high < low || open < low || open > high || close < low || close > high)
        {
            return RejectReason.MD_BAR_INCONSISTENT;
        }
        return RejectReason.NONE;
    }

    private RejectReason onQuote(final int index, final long eventTimeNs, final DirectBuffer buffer, final int offset)
    {
        final long bid = QuoteCodec.bidPrice(buffer, offset);
        final long bidSize = QuoteCodec.bidQty(buffer, offset);
        final long ask = QuoteCodec.askPrice(buffer, offset);
        final long askSize = QuoteCodec.askQty(buffer, offset);
        final RejectReason fieldCheck = checkQuote(bid, bidSize, ask, askSize);
        if (fieldCheck != RejectReason.NONE)
        {
            return fieldCheck;
        }
        final RejectReason orderCheck = checkOrder(index, eventTimeNs, buffer, offset);
        if (orderCheck == RejectReason.NONE)
        {
            bidPrice[index] = bid;
            bidQty[index] = bidSize;
            askPrice[index] = ask;
            askQty[index] = askSize;
        }
        return orderCheck;
    }

    private RejectReason onTrade(final int index, final long eventTimeNs, final DirectBuffer buffer, final int offset)
    {
        final long price = TradeCodec.price(buffer, offset);
        final RejectReason fieldCheck = checkTrade(price, TradeCodec.qty(buffer, offset));
        if (fieldCheck != RejectReason.NONE)
        {
            return fieldCheck;
        }
        if (jumped(index, price))
        {
            return RejectReason.MD_PRICE_JUMP;
        }
        final RejectReason orderCheck = checkOrder(index, eventTimeNs, buffer, offset);
        if (orderCheck == RejectReason.NONE)
        {
            lastTradePrice[index] = price;
        }
        return orderCheck;
    }

    /**
     * Duplicate and out-of-order checks; on success records the event's source sequence and time.
     */
    private RejectReason checkOrder(
        final int index, final long eventTimeNs, final DirectBuffer buffer, final int offset)
    {
        final long sourceSequence = Header.sourceSequence(buffer, offset);
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
        return RejectReason.NONE;
    }

    private static RejectReason checkQuote(final long bid, final long bidSize, final long ask, final long askSize)
    {
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

    private static RejectReason checkTrade(final long price, final long qty)
    {
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

    @Override
    public void saveState(final LongArrayList out)
    {
        StateValues.putLongs(out, bidPrice);
        StateValues.putLongs(out, bidQty);
        StateValues.putLongs(out, askPrice);
        StateValues.putLongs(out, askQty);
        StateValues.putLongs(out, lastTradePrice);
        StateValues.putLongs(out, lastEventTimeNs);
        StateValues.putLongs(out, lastSourceSequence);
        StateValues.putLongs(out, jumpReference);
        StateValues.putLongs(out, rejects);
        out.addLong(accepted);
    }

    @Override
    public int loadState(final long[] in, final int at)
    {
        int i = at;
        i = StateValues.getLongs(in, i, bidPrice);
        i = StateValues.getLongs(in, i, bidQty);
        i = StateValues.getLongs(in, i, askPrice);
        i = StateValues.getLongs(in, i, askQty);
        i = StateValues.getLongs(in, i, lastTradePrice);
        i = StateValues.getLongs(in, i, lastEventTimeNs);
        i = StateValues.getLongs(in, i, lastSourceSequence);
        i = StateValues.getLongs(in, i, jumpReference);
        i = StateValues.getLongs(in, i, rejects);
        accepted = in[i++];
        return i;
    }

    /**
     * The restorer of engine-state snapshots: this stage, the first, assembles the STATE_RESTORE records.
     *
     * @return the restorer.
     */
    public StateRestore restorer()
    {
        return restore;
    }

    /**
     * The highest source sequence accepted for any instrument (the duplicate and out-of-order checks' memory): a
     * gateway that starts again after a restart numbers its records after it, or the recovered book would refuse them.
     *
     * @return the sequence; {@link Long#MIN_VALUE} when nothing was accepted.
     */
    public long highestSourceSequence()
    {
        long highest = Long.MIN_VALUE;
        for (final long sequence : lastSourceSequence)
        {
            highest = Math.max(highest, sequence);
        }
        return highest;
    }
}
