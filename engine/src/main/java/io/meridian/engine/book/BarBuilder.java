package io.meridian.engine.book;

import io.meridian.engine.codec.BarCodec;
import io.meridian.engine.codec.Header;
import io.meridian.engine.codec.RecordType;
import io.meridian.engine.state.StateValues;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * Builds OHLCV bars incrementally from trades, per instrument, in one of three ways:
 * <ul>
 *   <li>{@link Kind#TIME}: windows of {@code threshold} nanoseconds aligned to multiples of it since the epoch
 *       ({@code [k * len, (k + 1) * len)}); the first trade at or after a window's end completes the window's bar,
 *       stamped at the window's end, and opens the next one. A window without trades makes no bar; {@link #flush}
 *       completes the open bar when a timer says its window has ended.</li>
 *   <li>{@link Kind#VOLUME}: a bar completes with the trade that brings its volume (lots) to {@code threshold} or
 *       more, stamped at that trade's time;</li>
 *   <li>{@link Kind#DOLLAR}: the same on traded value, price ticks times lots.</li>
 * </ul>
 * A trade is never split between bars, so a volume or dollar bar may exceed its threshold by the part of its last
 * trade. Session-aware: a bar never spans sessions. Each trade carries its session (the engine's: the local trading
 * day of its time); the first trade of a new session first completes the open bar, as {@link #roll} does, stamped at
 * its window's end or, when the window would reach into the new session, at that first trade's time (time bars),
 * or at its last trade (volume and dollar bars, which may then be short of the threshold). A completed bar stays
 * readable ({@link #open} ... {@link #write}) until the next call for that instrument. Single-threaded (owned by
 * the pipeline thread); allocation-free; reads no clock (times come from the trades).
 */
public final class BarBuilder
{
    /** How bars are cut. */
    public enum Kind
    {
        /** Fixed time windows. */
        TIME,
        /** A fixed traded volume. */
        VOLUME,
        /** A fixed traded value. */
        DOLLAR
    }

    private final Kind kind;
    private final long threshold;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final long[] amount;
    private final long[] windowEndNs;
    private final boolean[] building;
    private final long[] doneOpen;
    private final long[] doneHigh;
    private final long[] doneLow;
    private final long[] doneClose;
    private final long[] doneVolume;
    private final long[] doneTimeNs;
    private final long[] doneDurationNs;
    private final long[] startNs;
    private final long[] session;
    private final long[] lastNs;
    private final long[] doneSession;

    /**
     * A builder.
     *
     * @param instruments number of instruments (dense indices 0..n-1).
     * @param kind how bars are cut.
     * @param threshold window length in nanoseconds, volume in lots, or value in price ticks times lots; positive.
     */
    public BarBuilder(final int instruments, final Kind kind, final long threshold)
    {
        if (threshold <= 0)
        {
            throw new IllegalArgumentException("BarBuilder threshold " + threshold + " must be positive");
        }
        this.kind = kind;
        this.threshold = threshold;
        open = new long[instruments];
        high = new long[instruments];
        low = new long[instruments];
        close = new long[instruments];
        volume = new long[instruments];
        amount = new long[instruments];
        windowEndNs = new long[instruments];
        building = new boolean[instruments];
        doneOpen = new long[instruments];
        doneHigh = new long[instruments];
        doneLow = new long[instruments];
        doneClose = new long[instruments];
        doneVolume = new long[instruments];
        doneTimeNs = new long[instruments];
        doneDurationNs = new long[instruments];
        startNs = new long[instruments];
        session = new long[instruments];
        lastNs = new long[instruments];
        doneSession = new long[instruments];
    }

    /**
     * Completes the instrument's open bar when the next event (at {@code timeNs}, in {@code sessionId}) cannot
     * belong to it: its time window has ended, or the session changed. Call it before {@link #onTrade} (or on a
     * timer) so that each completion can be read before the next.
     *
     * @param index dense instrument index.
     * @param timeNs the time now.
     * @param sessionId the session now.
     * @return true when a bar completed (read it with the accessors).
     */
    public boolean roll(final int index, final long timeNs, final long sessionId)
    {
        if (!building[index])
        {
            return false;
        }
        if (kind == Kind.TIME && timeNs >= windowEndNs[index])
        {
            complete(index, windowEndNs[index], threshold);
            return true;
        }
        if (sessionId != session[index])
        {
            if (kind == Kind.TIME)
            {
                // the window would run into the new session: cut it at the event that starts that session
                final long endNs = Math.min(windowEndNs[index], timeNs);
                complete(index, endNs, endNs - (windowEndNs[index] - threshold));
            }
            else
            {
                complete(index, lastNs[index], lastNs[index] - startNs[index]);
            }
            return true;
        }
        return false;
    }

    /**
     * Adds an accepted trade of a session; completes the open bar first if it belongs to another session or window
     * (then this returns true and the trade starts the next bar; call {@link #roll} first to see both bars when a
     * trade may also complete a volume or dollar bar).
     *
     * @param index dense instrument index.
     * @param timeNs the trade's event time.
     * @param price price in ticks (positive).
     * @param qty size in lots (positive).
     * @param sessionId the trade's session.
     * @return true when a bar completed.
     */
    public boolean onTrade(final int index, final long timeNs, final long price, final long qty,
        final long sessionId)
    {
        final boolean rolled = roll(index, timeNs, sessionId);
        if (!building[index])
        {
            session[index] = sessionId;
        }
        return onTrade(index, timeNs, price, qty) || rolled;
    }

    /**
     * Adds an accepted trade.
     *
     * @param index dense instrument index.
     * @param timeNs the trade's event time.
     * @param price price in ticks (positive).
     * @param qty size in lots (positive).
     * @return true when a bar completed (read it with the accessors).
     */
    public boolean onTrade(final int index, final long timeNs, final long price, final long qty)
    {
        boolean completed = false;
        if (kind == Kind.TIME && building[index] && timeNs >= windowEndNs[index])
        {
            complete(index, windowEndNs[index], threshold);
            completed = true;
        }
        if (!building[index])
        {
            building[index] = true;
            open[index] = price;
            high[index] = price;
            low[index] = price;
            volume[index] = 0;
            amount[index] = 0;
            startNs[index] = timeNs;
            windowEndNs[index] = kind == Kind.TIME ? Math.floorDiv(timeNs, threshold) * threshold + threshold : 0;
        }
        high[index] = Math.max(high[index], price);
        low[index] = Math.min(low[index], price);
        close[index] = price;
        lastNs[index] = timeNs;
        volume[index] += qty;
        amount[index] += kind == Kind.DOLLAR ? price * qty : qty;
        if (kind != Kind.TIME && amount[index] >= threshold)
        {
            complete(index, timeNs, timeNs - startNs[index]);
            completed = true;
        }
        return completed;
    }

    /**
     * Completes a time bar whose window has ended by {@code nowNs} (a timer), if one is open.
     *
     * @param index dense instrument index.
     * @param nowNs the time now.
     * @return true when a bar completed.
     */
    public boolean flush(final int index, final long nowNs)
    {
        if (kind == Kind.TIME && building[index] && nowNs >= windowEndNs[index])
        {
            complete(index, windowEndNs[index], threshold);
            return true;
        }
        return false;
    }

    private void complete(final int index, final long timeNs, final long durationNs)
    {
        doneOpen[index] = open[index];
        doneHigh[index] = high[index];
        doneLow[index] = low[index];
        doneClose[index] = close[index];
        doneVolume[index] = volume[index];
        doneTimeNs[index] = timeNs;
        doneDurationNs[index] = durationNs;
        doneSession[index] = session[index];
        building[index] = false;
    }

    /**
     * Writes the last completed bar of an instrument as a BAR record.
     *
     * @param index dense instrument index.
     * @param buffer destination.
     * @param offset where the record starts.
     * @param instrumentId the instrument's id for the header.
     * @param sourceId the header's source id.
     * @param sourceSequence the header's source sequence.
     * @return the record length.
     */
    public int write(final int index, final MutableDirectBuffer buffer, final int offset, final int instrumentId,
        final int sourceId, final long sourceSequence)
    {
        Header.write(buffer, offset, RecordType.BAR, BarCodec.LENGTH, instrumentId, 0, doneTimeNs[index], 0,
            sourceId, sourceSequence);
        BarCodec.open(buffer, offset, doneOpen[index]);
        BarCodec.high(buffer, offset, doneHigh[index]);
        BarCodec.low(buffer, offset, doneLow[index]);
        BarCodec.close(buffer, offset, doneClose[index]);
        BarCodec.volume(buffer, offset, doneVolume[index]);
        BarCodec.durationNs(buffer, offset, doneDurationNs[index]);
        return BarCodec.LENGTH;
    }

    /**
     * Open of the last completed bar.
     *
     * @param index dense instrument index.
     * @return price in ticks.
     */
    public long open(final int index)
    {
        return doneOpen[index];
    }

    /**
     * High of the last completed bar.
     *
     * @param index dense instrument index.
     * @return price in ticks.
     */
    public long high(final int index)
    {
        return doneHigh[index];
    }

    /**
     * Low of the last completed bar.
     *
     * @param index dense instrument index.
     * @return price in ticks.
     */
    public long low(final int index)
    {
        return doneLow[index];
    }

    /**
     * Close of the last completed bar.
     *
     * @param index dense instrument index.
     * @return price in ticks.
     */
    public long close(final int index)
    {
        return doneClose[index];
    }

    /**
     * Volume of the last completed bar.
     *
     * @param index dense instrument index.
     * @return lots.
     */
    public long volume(final int index)
    {
        return doneVolume[index];
    }

    /**
     * Time of the last completed bar: its window's end (time bars) or its last trade's time.
     *
     * @param index dense instrument index.
     * @return epoch nanoseconds.
     */
    public long timeNs(final int index)
    {
        return doneTimeNs[index];
    }

    /**
     * Length of the last completed bar: the window (time bars) or first to last trade.
     *
     * @param index dense instrument index.
     * @return nanoseconds.
     */
    public long durationNs(final int index)
    {
        return doneDurationNs[index];
    }

    /**
     * Session of the last completed bar: the session its trades belong to (0 when trades carried none).
     *
     * @param index dense instrument index.
     * @return the session.
     */
    public long session(final int index)
    {
        return doneSession[index];
    }

    /**
     * Appends this object's state to an engine-state snapshot (issue 9).
     *
     * @param out the snapshot values.
     */
    public void saveState(final LongArrayList out)
    {
        StateValues.putLongs(out, open);
        StateValues.putLongs(out, high);
        StateValues.putLongs(out, low);
        StateValues.putLongs(out, close);
        StateValues.putLongs(out, volume);
        StateValues.putLongs(out, amount);
        StateValues.putLongs(out, windowEndNs);
        StateValues.putBooleans(out, building);
        StateValues.putLongs(out, doneOpen);
        StateValues.putLongs(out, doneHigh);
        StateValues.putLongs(out, doneLow);
        StateValues.putLongs(out, doneClose);
        StateValues.putLongs(out, doneVolume);
        StateValues.putLongs(out, doneTimeNs);
        StateValues.putLongs(out, doneDurationNs);
        StateValues.putLongs(out, startNs);
        StateValues.putLongs(out, session);
        StateValues.putLongs(out, lastNs);
        StateValues.putLongs(out, doneSession);
    }

    /**
     * Replaces this object's state with a snapshot's ({@link #saveState}).
     *
     * @param in the snapshot values.
     * @param at where this object's state starts.
     * @return where the next state starts.
     */
    public int loadState(final long[] in, final int at)
    {
        int i = at;
        i = StateValues.getLongs(in, i, open);
        i = StateValues.getLongs(in, i, high);
        i = StateValues.getLongs(in, i, low);
        i = StateValues.getLongs(in, i, close);
        i = StateValues.getLongs(in, i, volume);
        i = StateValues.getLongs(in, i, amount);
        i = StateValues.getLongs(in, i, windowEndNs);
        i = StateValues.getBooleans(in, i, building);
        i = StateValues.getLongs(in, i, doneOpen);
        i = StateValues.getLongs(in, i, doneHigh);
        i = StateValues.getLongs(in, i, doneLow);
        i = StateValues.getLongs(in, i, doneClose);
        i = StateValues.getLongs(in, i, doneVolume);
        i = StateValues.getLongs(in, i, doneTimeNs);
        i = StateValues.getLongs(in, i, doneDurationNs);
        i = StateValues.getLongs(in, i, startNs);
        i = StateValues.getLongs(in, i, session);
        i = StateValues.getLongs(in, i, lastNs);
        i = StateValues.getLongs(in, i, doneSession);
        return i;
    }
}
