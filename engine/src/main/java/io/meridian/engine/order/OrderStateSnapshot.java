package io.meridian.engine.order;

import io.meridian.engine.codec.StateRestoreCodec;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayList;

/**
 * The engine-state snapshot of the order stage (issue 9), owned by its {@link OrderManager}: writes the state a
 * restart restores instead of replaying the whole journal, reads it back, and assembles it from the STATE_RESTORE
 * records (BEGIN, chunks of values, END) a restarted engine is fed. The per-instrument arrays are the order manager's
 * own (shared, not copied); its venue flag and event time go through its package-private accessors.
 *
 * <p>Single-threaded (the order stage's thread). A restore allocates the value array once per snapshot, at BEGIN.
 */
final class OrderStateSnapshot
{
    /** Snapshot format of {@link #save}; a snapshot of another format is refused. */
    static final long STATE_FORMAT = 2;

    private final OrderManager owner;
    private final long[] lastMarketDataNs;
    private final long[] coolDownUntilNs;
    private final long[] bid;
    private final long[] ask;
    private final long[] reference;
    private final long[] decisionPrice;
    private final long[] pendingReduction;
    private final boolean[] flattening;
    private long[] restoreValues = new long[0];
    private int restoreTotal = -1;
    private int restoreChunks;
    private long restores;

    /**
     * The snapshot of an order manager's state.
     *
     * @param owner the order manager (its venue flag, event time and components).
     * @param lastMarketDataNs its per-instrument market-data time.
     * @param coolDownUntilNs its per-instrument cool-down.
     * @param bid its per-instrument bid.
     * @param ask its per-instrument ask.
     * @param reference its per-instrument reference price.
     * @param decisionPrice its per-instrument decision price.
     * @param pendingReduction its per-instrument pending reduction.
     * @param flattening its per-instrument operator flatten.
     */
    OrderStateSnapshot(
        final OrderManager owner,
        final long[] lastMarketDataNs,
        final long[] coolDownUntilNs,
        final long[] bid,
        final long[] ask,
        final long[] reference,
        final long[] decisionPrice,
        final long[] pendingReduction,
        final boolean[] flattening)
    {
        this.owner = owner;
        this.lastMarketDataNs = lastMarketDataNs;
        this.coolDownUntilNs = coolDownUntilNs;
        this.bid = bid;
        this.ask = ask;
        this.reference = reference;
        this.decisionPrice = decisionPrice;
        this.pendingReduction = pendingReduction;
        this.flattening = flattening;
    }

    /**
     * The state a restart restores from a snapshot instead of replaying the whole journal (issue 9): venue state,
     * event time, per instrument market data time, cool-down, bid/ask/reference, decision price, pending reduction and
     * flattening, then the working orders and order store, positions, account, decision counters, kill switch,
     * pre-trade counters and the broker's live checks (commissions charged or pending, order references seen; format
     * 2). Not in it: the market-data, feature, model and strategy stages' state and the volatility,
     * pattern-day-trade and risk-monitor windows, which a restarted engine builds again from new market data.
     *
     * @param out receives the values.
     */
    void save(final LongArrayList out)
    {
        out.addLong(STATE_FORMAT);
        out.addLong(owner.venueUp() ? 1L : 0L);
        out.addLong(owner.eventTimeNs());
        out.addLong(bid.length);
        for (int i = 0; i < bid.length; i++)
        {
            out.addLong(lastMarketDataNs[i]);
            out.addLong(coolDownUntilNs[i]);
            out.addLong(bid[i]);
            out.addLong(ask[i]);
            out.addLong(reference[i]);
            out.addLong(decisionPrice[i]);
            out.addLong(pendingReduction[i]);
            out.addLong(flattening[i] ? 1L : 0L);
        }
        owner.workingOrders().saveState(out);
        owner.positions().saveState(out);
        owner.account().saveState(out);
        owner.decisions().saveState(out);
        owner.killSwitch().saveState(out);
        owner.risk().saveState(out);
        owner.brokerLive().saveState(out);
    }

    /**
     * Replaces the state {@link #save} covers with a snapshot's.
     *
     * @param in the values.
     * @param length how many of them.
     * @throws IllegalArgumentException when they do not fit this engine (format, instrument count, length).
     */
    void load(final long[] in, final int length)
    {
        if (length < 4 || in[0] != STATE_FORMAT || in[3] != bid.length)
        {
            throw new IllegalArgumentException("engine state snapshot: format " + (length > 0 ? in[0] : -1)
                + " (this engine reads " + STATE_FORMAT + "), " + (length > 3 ? in[3] : -1) + " instruments (this "
                + "engine has " + bid.length + ")");
        }
        owner.restoreVenueAndTime(in[1] != 0, in[2]);
        int i = 4;
        for (int k = 0; k < bid.length; k++, i += 8)
        {
            lastMarketDataNs[k] = in[i];
            coolDownUntilNs[k] = in[i + 1];
            bid[k] = in[i + 2];
            ask[k] = in[i + 3];
            reference[k] = in[i + 4];
            decisionPrice[k] = in[i + 5];
            pendingReduction[k] = in[i + 6];
            flattening[k] = in[i + 7] != 0;
        }
        i = owner.workingOrders().loadState(in, i);
        i = owner.positions().loadState(in, i);
        i = owner.account().loadState(in, i);
        i = owner.decisions().loadState(in, i);
        i = owner.killSwitch().loadState(in, i);
        i = owner.risk().loadState(in, i);
        i = owner.brokerLive().loadState(in, i);
        if (i != length)
        {
            throw new IllegalArgumentException("engine state snapshot: " + length + " values, the state read " + i);
        }
    }

    /**
     * Snapshots restored from STATE_RESTORE records.
     *
     * @return the count.
     */
    long restores()
    {
        return restores;
    }

    /**
     * One STATE_RESTORE record: BEGIN sizes the state, each chunk fills its values, END checks the chunk count and
     * loads the state.
     *
     * @param buffer the record body.
     * @throws IllegalStateException for a part outside a snapshot, a chunk that overruns it or a wrong chunk count.
     */
    void onStateRestore(final DirectBuffer buffer)
    {
        final byte part = StateRestoreCodec.part(buffer, 0);
        final int count = StateRestoreCodec.count(buffer, 0);
        if (part == StateRestoreCodec.BEGIN)
        {
            // values: format, journal position, instruments, values in the state
            restoreTotal = (int)StateRestoreCodec.value(buffer, 0, 3);
            restoreValues = new long[restoreTotal];
            restoreChunks = 0;
            return;
        }
        if (restoreTotal < 0)
        {
            throw new IllegalStateException("STATE_RESTORE part " + part + " outside a snapshot (no BEGIN)");
        }
        if (part == StateRestoreCodec.END)
        {
            final long chunks = StateRestoreCodec.value(buffer, 0, 1);
            if (chunks != restoreChunks)
            {
                throw new IllegalStateException("STATE_RESTORE END counts " + chunks + " chunks, " + restoreChunks
                    + " arrived");
            }
            load(restoreValues, restoreTotal);
            restoreTotal = -1;
            restoreValues = new long[0];
            restores++;
            return;
        }
        final int at = StateRestoreCodec.valueOffset(buffer, 0);
        if (at < 0 || at + count > restoreTotal)
        {
            throw new IllegalStateException("STATE_RESTORE chunk at " + at + " of " + count + " values overruns the "
                + restoreTotal + "-value state");
        }
        for (int k = 0; k < count; k++)
        {
            restoreValues[at + k] = StateRestoreCodec.value(buffer, 0, k);
        }
        restoreChunks++;
    }
}
